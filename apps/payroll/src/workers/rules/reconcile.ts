import { WORKER_EVENT_TYPES, WORKER_STATE_EVENT_TYPE } from '@cwp/contracts';

/** The projection against the newest worker states seen (the reconciliation's `fields`). */
export interface FieldComparison {
  /** Workers with a state seen on the worker-state topic. */
  states: number;
  /** Rows at the same version as their state: these are compared field by field. */
  compared: number;
  /** States with no projected row. */
  missing: number;
  /** Rows older than their state and not exited (a newer state was not applied). */
  behind: number;
  /** Rows at the same version whose field differs from the state, by field. */
  differing: Record<string, number>;
  /** Up to ten worker ids of the rows above (missing, behind or differing). */
  sample: string[];
}

export interface ReconciliationInput {
  /** Events the projection consumer handled, by CloudEvent type (from the inbox). */
  consumed: Readonly<Record<string, number>>;
  /** Handled events that changed nothing (unknown worker, stale version, invalid), by type. */
  misses: Readonly<Record<string, number>>;
  workers: number;
  exited: number;
  /** Bootstrap from the worker-state topic: state events handled (inbox) and rows they first wrote. */
  state?: { consumed: number; inserted: number };
  /** The rows against the newest worker states seen (absent: no state consumed, nothing to compare). */
  fields?: FieldComparison;
}

export interface ReconciliationReport {
  consistent: boolean;
  consumed: { hired: number; changed: number; transferred: number; exited: number };
  applied: { hired: number; changed: number; transferred: number; exited: number };
  misses: Record<string, number>;
  projection: { workers: number; exited: number; active: number };
  /** The worker-state bootstrap: events handled, applied (newer than the row), stale, rows inserted. */
  bootstrap: { consumed: number; applied: number; stale: number; inserted: number };
  /** Field by field against the worker-state topic (null when no state was consumed). */
  fields: FieldComparison | null;
  /** What does not add up, in words (empty when consistent). */
  discrepancies: string[];
}

/**
 * The projection must be exactly what the consumed events built: one row per applied `hired` or
 * per worker first seen on the worker-state topic (bootstrap), one exited row per applied `exited`
 * (plus at most one per applied state event, which may carry an exit). A difference means rows were
 * written outside the consumers (or lost), which the report names.
 */
export function reconcileProjection(input: ReconciliationInput): ReconciliationReport {
  const count = (m: Readonly<Record<string, number>>, type: string): number => m[type] ?? 0;
  const types = {
    hired: WORKER_EVENT_TYPES.hired,
    changed: WORKER_EVENT_TYPES.changed,
    transferred: WORKER_EVENT_TYPES.transferred,
    exited: WORKER_EVENT_TYPES.exited,
  };
  const consumed = { hired: 0, changed: 0, transferred: 0, exited: 0 };
  const applied = { hired: 0, changed: 0, transferred: 0, exited: 0 };
  for (const key of Object.keys(types) as Array<keyof typeof types>) {
    consumed[key] = count(input.consumed, types[key]);
    applied[key] = consumed[key] - count(input.misses, types[key]);
  }
  const stale = count(input.misses, WORKER_STATE_EVENT_TYPE);
  const state = input.state ?? { consumed: 0, inserted: 0 };
  const bootstrap = { consumed: state.consumed, applied: state.consumed - stale, stale, inserted: state.inserted };
  const discrepancies: string[] = [];
  if (applied.hired + bootstrap.inserted !== input.workers)
    discrepancies.push(
      bootstrap.consumed === 0
        ? `${applied.hired} hired events applied but ${input.workers} workers in the projection`
        : `${applied.hired} hired events applied and ${bootstrap.inserted} workers bootstrapped from state but ${input.workers} workers in the projection`,
    );
  if (input.exited < applied.exited || input.exited > applied.exited + bootstrap.applied)
    discrepancies.push(
      bootstrap.consumed === 0
        ? `${applied.exited} exited events applied but ${input.exited} exited workers in the projection`
        : `${applied.exited} exited events and ${bootstrap.applied} state events applied but ${input.exited} exited workers in the projection`,
    );
  if (input.fields) discrepancies.push(...fieldDiscrepancies(input.fields));
  return {
    consistent: discrepancies.length === 0,
    consumed,
    applied,
    misses: { ...input.misses },
    projection: { workers: input.workers, exited: input.exited, active: input.workers - input.exited },
    bootstrap,
    fields: input.fields ?? null,
    discrepancies,
  };
}

/** Each kind of field-level difference in words, with the first worker ids to look at. */
function fieldDiscrepancies(f: FieldComparison): string[] {
  const found: string[] = [];
  const eg = f.sample.length > 0 ? ` (e.g. ${f.sample.join(', ')})` : '';
  if (f.missing > 0) found.push(`${f.missing} workers on the worker-state topic are missing from the projection${eg}`);
  if (f.behind > 0) found.push(`${f.behind} projected workers are older than their state on the worker-state topic${eg}`);
  for (const [field, n] of Object.entries(f.differing))
    if (n > 0) found.push(`${field} differs from the worker-state topic for ${n} workers at the same version${eg}`);
  return found;
}
