import { WORKER_EVENT_TYPES } from '@cwp/contracts';

export interface ReconciliationInput {
  /** Events the projection consumer handled, by CloudEvent type (from the inbox). */
  consumed: Readonly<Record<string, number>>;
  /** Handled events that changed nothing (unknown worker, stale version, invalid), by type. */
  misses: Readonly<Record<string, number>>;
  workers: number;
  exited: number;
}

export interface ReconciliationReport {
  consistent: boolean;
  consumed: { hired: number; changed: number; transferred: number; exited: number };
  applied: { hired: number; changed: number; transferred: number; exited: number };
  misses: Record<string, number>;
  projection: { workers: number; exited: number; active: number };
  /** What does not add up, in words (empty when consistent). */
  discrepancies: string[];
}

/**
 * The projection must be exactly what the consumed events built: one row per applied `hired`, one
 * exited row per applied `exited`. A difference means rows were written outside the consumer (or
 * lost), which the report names.
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
  const discrepancies: string[] = [];
  if (applied.hired !== input.workers)
    discrepancies.push(`${applied.hired} hired events applied but ${input.workers} workers in the projection`);
  if (applied.exited !== input.exited)
    discrepancies.push(`${applied.exited} exited events applied but ${input.exited} exited workers in the projection`);
  return {
    consistent: discrepancies.length === 0,
    consumed,
    applied,
    misses: { ...input.misses },
    projection: { workers: input.workers, exited: input.exited, active: input.workers - input.exited },
    discrepancies,
  };
}
