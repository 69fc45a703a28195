/**
 * The demo's reserve pool (POOL-1..3): a few hundred synthetic candidates held by streets and
 * districts all over the city, registered over the last two years with 12-, 18- or 24-month
 * periods (POOL-2), so their expiries are staggered from a few days to two years ahead and the
 * pool's reminders and expiries keep happening while the demo runs. Pure and deterministic.
 *
 * Candidates' names, genders and birth dates come from the synthetic workforce generator (its own
 * seed); national IDs use a region code that was never issued (DEMO_ID_REGION), so none can be a
 * real person's; phone numbers are a fixed placeholder series. Every entry is marked DEMO_MARK.
 */
import { POOL_PREFERRED_MAJORS, SOCIAL_WORKER_QUALIFICATIONS, type PoolCertificate, type PoolMajor, type PoolSource } from '@cwp/contracts';
import { nationalIdCheckChar } from '@cwp/policy';
import { DEMO_ID_REGION, DEMO_SEED } from './demo-city';
import { generateWorkforce, intBetween, keyedRandom, type OrgUnit, type Random } from './generator';
import type { RegisterEntryDto } from './service-internals';

export interface DemoEntryPlan {
  id: string;
  registration: RegisterEntryDto;
  registeredOn: string;
  months: number;
}

const DAY_MS = 86_400_000;
/** The entry expiring soonest is still this many days away on the demo's day. */
const MIN_DAYS_LEFT = 3;

/** Demo entry ids: a fixed series (`de300000-0000-4000-8000-<index>`), so a second run finds them. */
export function demoEntryId(index: number): string {
  return `de300000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function planDemoEntries(count: number, units: readonly OrgUnit[], today: string): DemoEntryPlan[] {
  if (count > 1000) throw new RangeError('at most 1,000 demo entries (the ID sequence has three digits)');
  const holders = units.filter((u) => u.kind === 'street' || u.kind === 'district').map((u) => u.code).sort();
  const people = [...generateWorkforce({ seed: DEMO_SEED + 1, size: count, units })];
  return people.map((person, index) => {
    const random = keyedRandom('demo-entry', String(index));
    const age = Number(today.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
    const source: PoolSource = age < 26 ? 'student' : pickSource(random);
    const months = [12, 18, 24][intBetween(random, 0, 2)]!;
    const registeredOn = daysBefore(today, intBetween(random, 0, Math.floor(months * 30.4) - MIN_DAYS_LEFT - 1));
    const idStem = `${DEMO_ID_REGION}${person.birthDate.replace(/-/g, '')}${String(index).padStart(3, '0')}`;
    const registration: RegisterEntryDto = {
      name: person.name,
      nationalId: idStem + nationalIdCheckChar(idStem),
      phone: `1380000${String(index).padStart(4, '0')}`,
      source,
      education: source === 'student' ? (random() < 0.8 ? 'bachelor' : 'master') : person.education,
      certificates: certificatesFor(source, random),
      holdingUnit: holders[intBetween(random, 0, holders.length - 1)]!,
      ...majorFor(source, random),
    };
    return { id: demoEntryId(index), registration, registeredOn, months };
  });
}

function pickSource(random: Random): PoolSource {
  const r = random();
  return r < 0.5 ? 'social-worker' : r < 0.8 ? 'homemaker' : 'other';
}

/** POOL-1: a student studies a preferred (REC-4) major; others may record one. */
function majorFor(source: PoolSource, random: Random): { major?: PoolMajor } {
  if (source === 'student' || random() < 0.5) return { major: POOL_PREFERRED_MAJORS[intBetween(random, 0, POOL_PREFERRED_MAJORS.length - 1)]! };
  return random() < 0.5 ? { major: 'other' } : {};
}

/** POOL-1: a social-worker candidate holds a social-worker qualification. */
function certificatesFor(source: PoolSource, random: Random): PoolCertificate[] {
  const certificates: PoolCertificate[] = [];
  if (source === 'social-worker' || random() < 0.2) certificates.push(SOCIAL_WORKER_QUALIFICATIONS[random() < 0.7 ? 0 : 1]);
  if (random() < 0.1) certificates.push('psychological-counsellor');
  return certificates;
}

function daysBefore(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}
