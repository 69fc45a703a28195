/**
 * Decides how many synthetic workers each unit gets. Workers go to residential areas (quota
 * QUOTA-1/2) and to each street's six centres (quota 80, QUOTA-3), roughly in proportion to the
 * quota: most units a little below it (vacancies, QUOTA-6), a few above (borrowed floating quota,
 * QUOTA-4), a few well below (high turnover). Memory is O(units), never O(workers).
 *
 * Two modes:
 * - size at least half the tree's natural headcount: every unit is staffed, scaled to `size`
 *   (62,000 on the Shanghai tree ≈ its natural headcount; 620,000 scales every unit ×10);
 * - smaller sizes (tests): whole streets in a seeded order, each staffed at its natural level,
 *   until `size` is reached, so a small set still looks like real streets, not one worker per area.
 */
import { randomFor } from '../prng';
import type { RegionKind, TreeUnit } from '../org-tree/org-tree-unit';
import { seedAreaQuota, STREET_CENTRES_QUOTA } from './seed-quota';

export interface StaffingUnit {
  code: string;
  streetCode: string;
  districtCode: string;
  region: RegionKind;
  placement: 'area' | 'street-centre';
  quota: number;
  /** Headcount this unit has at the natural fill level (before scaling to a size). */
  natural: number;
}

export interface Allocation {
  unit: StaffingUnit;
  headcount: number;
}

/** Share of the quota filled on average: Shanghai's tree then holds about 62,000 workers. */
export const NATURAL_FILL = 0.85;

/** Streets (their centres) and areas of a tree, in code order: a street's centres before its areas. */
export function staffingUnits(seed: number, units: readonly TreeUnit[]): StaffingUnit[] {
  const staffing: StaffingUnit[] = [];
  for (const unit of units) {
    if (unit.kind !== 'street' && unit.kind !== 'area') continue;
    const quota = unit.kind === 'area' ? seedAreaQuota(unit.households ?? 0) : STREET_CENTRES_QUOTA;
    staffing.push({
      code: unit.code,
      streetCode: unit.code.slice(0, 9),
      districtCode: unit.code.slice(0, 6),
      region: unit.region ?? 'suburb',
      placement: unit.kind === 'area' ? 'area' : 'street-centre',
      quota,
      natural: quota * NATURAL_FILL * fillJitter(seed, unit.code),
    });
  }
  return staffing.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Per-unit deviation from the average fill: 88% near it, 6% over quota, 6% short of staff. */
function fillJitter(seed: number, code: string): number {
  const random = randomFor(seed, `fill:${code}`);
  const r = random();
  if (r < 0.06) return 1.2 + random() * 0.15;
  if (r < 0.12) return 0.55 + random() * 0.25;
  return 0.86 + random() * 0.24;
}

export function allocateWorkforce(seed: number, size: number, staffing: readonly StaffingUnit[]): Allocation[] {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`size must be a non-negative integer, got ${size}`);
  if (size === 0) return [];
  if (staffing.length === 0) throw new RangeError('the org tree has no streets or areas to staff');
  const natural = staffing.reduce((sum, unit) => sum + unit.natural, 0);
  return size >= natural / 2 ? scaleAll(size, natural, staffing) : wholeStreets(seed, size, staffing);
}

/** Largest-remainder apportionment of `size` over all units, proportional to their natural headcount. */
function scaleAll(size: number, natural: number, staffing: readonly StaffingUnit[]): Allocation[] {
  const factor = size / natural;
  const allocations = staffing.map((unit) => ({ unit, headcount: Math.floor(unit.natural * factor) }));
  let left = size - allocations.reduce((sum, a) => sum + a.headcount, 0);
  const byRemainder = staffing
    .map((unit, index) => ({ index, remainder: unit.natural * factor - allocations[index].headcount }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) allocations[byRemainder[i].index].headcount += 1;
  return allocations.filter((a) => a.headcount > 0);
}

function wholeStreets(seed: number, size: number, staffing: readonly StaffingUnit[]): Allocation[] {
  const byStreet = new Map<string, StaffingUnit[]>();
  for (const unit of staffing) {
    const street = byStreet.get(unit.streetCode);
    if (street) street.push(unit);
    else byStreet.set(unit.streetCode, [unit]);
  }
  const random = randomFor(seed, 'street-order');
  const streets = [...byStreet.keys()];
  for (let i = streets.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [streets[i], streets[j]] = [streets[j], streets[i]];
  }
  const allocations: Allocation[] = [];
  let left = size;
  for (const street of streets) {
    for (const unit of byStreet.get(street) ?? []) {
      const headcount = Math.min(left, Math.max(1, Math.round(unit.natural)));
      allocations.push({ unit, headcount });
      left -= headcount;
      if (left === 0) return allocations;
    }
  }
  // Fewer natural workers than asked for but more than half: top up the units in order.
  for (let i = 0; left > 0; i = (i + 1) % allocations.length, left--) allocations[i].headcount += 1;
  return allocations;
}
