/**
 * generateWorkforce: a deterministic, streaming synthetic workforce over an org tree. Pure (no I/O,
 * no clock): the same seed, size, units and asOf give the same workers in the same order. Workers
 * are yielded one at a time and memory stays O(units), so ten times Shanghai's 62,000 streams fine.
 *
 *   for (const worker of generateWorkforce({ seed: 1, size: 62_000, units })) …
 */
import type { TreeUnit } from '../org-tree/org-tree-unit';
import { isoToDay } from '../seed-dates';
import { syntheticWorker } from './synthetic-worker';
import { allocateWorkforce, staffingUnits, type Allocation } from './workforce.allocation';
import type { SyntheticWorker } from './workforce.types';

/** Shanghai's community workforce (ARCHITECTURE: ~62k workers). */
export const SHANGHAI_WORKFORCE_SIZE = 62_000;
/** The date ages, service years and certificates are counted to, unless a caller gives one. */
export const DEFAULT_AS_OF = '2026-07-01';

export interface GenerateWorkforceOptions {
  seed: number;
  /** How many workers to yield in total. */
  size: number;
  /** The org tree (validated units); workers go to its streets' centres and its areas. */
  units: readonly TreeUnit[];
  /** ISO date the workforce is described at (default DEFAULT_AS_OF). */
  asOf?: string;
}

/** Checks the options and plans the headcounts at once (bad input throws here, not on first next()). */
export function generateWorkforce(options: GenerateWorkforceOptions): Generator<SyntheticWorker, void, undefined> {
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const asOfDay = isoToDay(options.asOf ?? DEFAULT_AS_OF);
  return workersOf(options.seed, planWorkforce(options), asOfDay);
}

function* workersOf(seed: number, plan: readonly Allocation[], asOfDay: number): Generator<SyntheticWorker, void, undefined> {
  for (const { unit, headcount } of plan) {
    for (let slot = 0; slot < headcount; slot++) yield syntheticWorker(seed, unit, slot, asOfDay);
  }
}

/** The per-unit headcounts generateWorkforce will produce (for quota checks and reports). */
export function planWorkforce(options: Pick<GenerateWorkforceOptions, 'seed' | 'size' | 'units'>): Allocation[] {
  return allocateWorkforce(options.seed, options.size, staffingUnits(options.seed, options.units));
}

/** The headcount a tree (or part of one) holds at its natural fill: a sensible `size` for it. */
export function naturalHeadcount(seed: number, units: readonly TreeUnit[]): number {
  return staffingUnits(seed, units).reduce((sum, unit) => sum + Math.round(unit.natural), 0);
}
