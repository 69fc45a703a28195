import type { DataSource } from 'typeorm';
import type { SyntheticWorker } from '@cwp/synthetic';

export interface LoadWorkersOptions {
  /** Rows per INSERT (arrays unnested server-side: one round trip per batch). */
  batchSize?: number;
  /**
   * Share (0..1) of workers marked exited, chosen deterministically by id, so reports have
   * turnover (the generator yields current workers only). Exit dates fall in the two years before asOf.
   */
  exitedShare?: number;
  asOf?: string;
}

/**
 * The columns a bulk-loaded worker fills, in row order, with their SQL types: one list for this
 * loader's INSERT … unnest and the demo city's COPY (seeds/demo), so the two cannot drift apart.
 */
export const SYNTHETIC_WORKER_COLUMNS = [
  ['id', 'uuid'],
  ['unit_code', 'text'],
  ['status', 'text'],
  ['entry_route', 'text'],
  ['post_category', 'text'],
  ['post_level', 'int'],
  ['post_role', 'text'],
  ['title', 'text'],
  ['role', 'text'],
  ['name', 'text'],
  ['gender', 'text'],
  ['birth_date', 'date'],
  ['education', 'text'],
  ['major', 'text'],
  ['hired_on', 'date'],
  ['exited_on', 'date'],
  ['exit_cause', 'text'],
  ['exit_explanation', 'jsonb'],
  ['created_by', 'text'],
] as const;
const COLUMNS = SYNTHETIC_WORKER_COLUMNS.map(([column]) => column);
const TYPES = SYNTHETIC_WORKER_COLUMNS.map(([, type]) => type);
const DAY_MS = 86_400_000;

/** A stable number in [0, 1) from a string (FNV-1a, 32 bits): picks exited workers and exit dates. */
export function idFraction(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** The workers row of a synthetic worker (the roster's columns), exited when chosen so. */
export function workerRow(w: SyntheticWorker, options: LoadWorkersOptions = {}): unknown[] {
  const share = options.exitedShare ?? 0;
  const exited = share > 0 && idFraction(w.id) < share;
  let exitedOn: string | null = null;
  if (exited) {
    const asOf = Date.parse(`${options.asOf ?? '2026-07-01'}T00:00:00Z`);
    const hired = Date.parse(`${w.hireDate}T00:00:00Z`);
    // Spread over the two years before asOf, never before the hire date.
    const offsetDays = Math.floor(idFraction(`exit:${w.id}`) * 730);
    exitedOn = new Date(Math.max(hired, asOf - offsetDays * DAY_MS)).toISOString().slice(0, 10);
  }
  return [
    w.id,
    w.unitCode,
    exited ? 'exited' : w.status,
    w.entryRoute,
    w.postCategory,
    w.postLevel,
    w.postRole,
    w.title === 'none' ? null : w.title,
    w.role,
    w.name,
    w.gender,
    w.birthDate,
    w.education,
    w.major,
    w.hireDate,
    exitedOn,
    exited ? 'resigned' : null,
    null, // exit_explanation: only the demo city's exits carry one
    'synthetic-seed',
  ];
}

/** Bulk-loads synthetic workers into `workers` in multi-row batches; returns how many. */
export async function loadSyntheticWorkers(
  dataSource: Pick<DataSource, 'query'>,
  workers: Iterable<SyntheticWorker>,
  options: LoadWorkersOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const sql = `INSERT INTO workers (${COLUMNS.join(', ')}) SELECT * FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  let columns: unknown[][] = COLUMNS.map(() => []);
  let pending = 0;
  let total = 0;
  const flush = async (): Promise<void> => {
    if (pending === 0) return;
    await dataSource.query(sql, columns);
    total += pending;
    columns = COLUMNS.map(() => []);
    pending = 0;
  };
  for (const worker of workers) {
    workerRow(worker, options).forEach((value, i) => columns[i]!.push(value));
    pending += 1;
    if (pending >= batchSize) await flush();
  }
  await flush();
  return total;
}
