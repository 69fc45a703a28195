/**
 * The demo's reserve pool (POOL-1..3): a few hundred synthetic candidates held by streets and
 * districts all over the city. Pure and deterministic: the same requests on every run, each with
 * its own Idempotency-Key, so a rerun registers nothing twice.
 *
 * They are registered through the talent pool's public API (register-demo-entries.ts), which
 * dates every registration today and takes no expiry: the staggering the API allows is the
 * reserve period, chosen per entry across the POOL-2 bounds of the policy version in force
 * (12..24 months today), so expiries spread over the second year ahead, month by month.
 *
 * Candidates' names, genders and birth dates come from the synthetic workforce generator (its own
 * seed); national IDs use a region code that was never issued (DEMO_ID_REGION), so none can be a
 * real person's; phone numbers are a fixed placeholder series.
 */
import {
  POOL_PREFERRED_MAJORS,
  SOCIAL_WORKER_QUALIFICATIONS,
  type EducationLevel,
  type PoolCertificate,
  type PoolMajor,
  type PoolSource,
} from '@cwp/contracts';
import { nationalIdCheckChar } from '@cwp/policy';
import { DEMO_ID_REGION, DEMO_SEED } from './demo-city';
import { generateWorkforce, intBetween, keyedRandom, type Random, type TreeUnit } from './generator';

/** The body of POST /api/talent-pool/entries (the talent pool's RegisterEntryDto, as JSON). */
export interface DemoRegistration {
  name: string;
  nationalId: string;
  phone: string;
  source: PoolSource;
  education: EducationLevel;
  major?: PoolMajor;
  certificates: PoolCertificate[];
  holdingUnit: string;
  reservePeriodMonths: number;
}

export interface DemoEntryPlan {
  /** Idempotency-Key of its registration: fixed per index, so a rerun replays instead of adding. */
  idempotencyKey: string;
  registration: DemoRegistration;
}

/** POOL-2 bounds of the reserve period, from the policy version in force (`pool.reservePeriodMonths`). */
export interface ReservePeriodBounds {
  min: number;
  max: number;
}

export function demoEntryKey(index: number): string {
  return `demo-city-entry-${String(index).padStart(3, '0')}`;
}

export function planDemoEntries(count: number, units: readonly TreeUnit[], today: string, months: ReservePeriodBounds): DemoEntryPlan[] {
  if (count > 1000) throw new RangeError('at most 1,000 demo entries (the ID sequence has three digits)');
  const holders = units
    .filter((u) => u.kind === 'street' || u.kind === 'district')
    .map((u) => u.code)
    .sort();
  const people = [...generateWorkforce({ seed: DEMO_SEED + 1, size: count, units })];
  return people.map((person, index) => {
    const random = keyedRandom('demo-entry', String(index));
    const age = Number(today.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
    const source: PoolSource = age < 26 ? 'student' : pickSource(random);
    const idStem = `${DEMO_ID_REGION}${person.birthDate.replace(/-/g, '')}${String(index).padStart(3, '0')}`;
    const registration: DemoRegistration = {
      name: person.name,
      nationalId: idStem + nationalIdCheckChar(idStem),
      phone: `1380000${String(index).padStart(4, '0')}`,
      source,
      education: source === 'student' ? (random() < 0.8 ? 'bachelor' : 'master') : person.education,
      certificates: certificatesFor(source, random),
      holdingUnit: holders[intBetween(random, 0, holders.length - 1)]!,
      ...majorFor(source, random),
      reservePeriodMonths: intBetween(random, months.min, months.max),
    };
    return { idempotencyKey: demoEntryKey(index), registration };
  });
}

function pickSource(random: Random): PoolSource {
  const r = random();
  return r < 0.5 ? 'social-worker' : r < 0.8 ? 'homemaker' : 'other';
}

/** POOL-1: a student studies a preferred (REC-4) major; others may record one. */
function majorFor(source: PoolSource, random: Random): { major?: PoolMajor } {
  if (source === 'student' || random() < 0.5)
    return { major: POOL_PREFERRED_MAJORS[intBetween(random, 0, POOL_PREFERRED_MAJORS.length - 1)]! };
  return random() < 0.5 ? { major: 'other' } : {};
}

/** POOL-1: a social-worker candidate holds a social-worker qualification. */
function certificatesFor(source: PoolSource, random: Random): PoolCertificate[] {
  const certificates: PoolCertificate[] = [];
  if (source === 'social-worker' || random() < 0.2) certificates.push(SOCIAL_WORKER_QUALIFICATIONS[random() < 0.7 ? 0 : 1]);
  if (random() < 0.1) certificates.push('psychological-counsellor');
  return certificates;
}
