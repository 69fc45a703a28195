/**
 * Bulk-loads the demo workforce into the workforce schema in ONE transaction: the workers stream
 * through `COPY workers FROM STDIN` (generated row by row, never held in memory), then their
 * history is derived set-based inside PostgreSQL (INSERT … SELECT): a `hired` row for everyone, a
 * transfer between areas of the same street for ~3% of current workers (ORG-2; the report's
 * headcount follows it), a `leave` row for those on leave and an `exited` row for those who left.
 * All or nothing: a crash leaves no half city, and a roster that already has workers is left
 * untouched (idempotent: a second run adds nothing). No outbox events: the demo city is the
 * state the platform starts from, not news for HR systems.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SYNTHETIC_WORKER_COLUMNS } from '@cwp/workforce/testing';
import { copyLine, type CopyValue } from './copy-text';
import { DEMO_MARK, DEMO_TRANSFERRED_PERCENT } from './demo-city';
import { demoExit } from './demo-exits';
import { generateWorkforce, type OrgUnit, type SyntheticWorker } from './generator';

export interface DemoWorkforceOptions {
  units: readonly OrgUnit[];
  seed: number;
  size: number;
  /** The demo's day: ages, hires and exits are as of it (the CLI passes today in Shanghai). */
  asOf: string;
  exitedShare: number;
}

export interface DemoWorkforceResult {
  /** False when the roster already had workers (nothing written). */
  loaded: boolean;
  workers: number;
  exited: number;
  history: Record<string, number>;
  copyMs: number;
  historyMs: number;
}

/** The workforce's bulk-load columns (its testing entry): demoWorkerRow yields them in this order. */
const COLUMNS = SYNTHETIC_WORKER_COLUMNS.map(([column]) => column);

/** The workers row (COLUMNS order) of a synthetic worker, exited when demoExit says so. */
export function demoWorkerRow(worker: SyntheticWorker, asOf: string, exitedShare: number): CopyValue[] {
  const exit = demoExit(worker, asOf, exitedShare);
  return [
    worker.id,
    worker.unitCode,
    exit ? 'exited' : worker.status,
    worker.entryRoute,
    worker.postCategory,
    worker.postLevel,
    worker.postRole,
    worker.title === 'none' ? null : worker.title,
    worker.role,
    worker.name,
    worker.gender,
    worker.birthDate,
    worker.education,
    worker.major,
    worker.hireDate,
    exit?.exitedOn ?? null,
    exit?.cause ?? null,
    exit ? JSON.stringify(exit.explanation) : null,
    DEMO_MARK,
  ];
}

/** COPY text in chunks of about 256 KB: one stream write per chunk, not per row. */
function* copyChunks(options: DemoWorkforceOptions, counts: { workers: number; exited: number }): Generator<string> {
  let chunk = '';
  for (const worker of generateWorkforce({ seed: options.seed, size: options.size, units: options.units, asOf: options.asOf })) {
    const row = demoWorkerRow(worker, options.asOf, options.exitedShare);
    counts.workers++;
    if (row[2] === 'exited') counts.exited++;
    chunk += copyLine(row);
    if (chunk.length >= 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Loads the demo workforce through `client` (search_path = the workforce schema, migrated, org
 * units loaded). Holds a transaction-level advisory lock, so two loaders running at once agree.
 */
export async function loadDemoWorkforce(client: ClientBase, options: DemoWorkforceOptions): Promise<DemoWorkforceResult> {
  const counts = { workers: 0, exited: 0 };
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cwp-demo-city-workforce'))");
    const { rows } = await client.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM workers) AS present');
    if (rows[0]!.present) {
      await client.query('ROLLBACK');
      return { loaded: false, workers: 0, exited: 0, history: {}, copyMs: 0, historyMs: 0 };
    }
    let started = performance.now();
    const copy = client.query(copyFrom(`COPY workers (${COLUMNS.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyChunks(options, counts)), copy);
    const copyMs = performance.now() - started;
    started = performance.now();
    await insertHistory(client, options.asOf);
    const history = await historyCounts(client);
    await client.query('COMMIT');
    return { loaded: true, ...counts, history, copyMs, historyMs: performance.now() - started };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The roster's history of the demo workers, derived from their rows in four set-based statements.
 * Transferred workers were hired into another area of their street (`hired` names that origin)
 * and moved within the year before asOf, at least a day after their hire.
 */
async function insertHistory(client: ClientBase, asOf: string): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE demo_moves ON COMMIT DROP AS
     WITH street_areas AS (
       SELECT left(code, 9) AS street, array_agg(code ORDER BY code) AS codes FROM org_units WHERE kind = 'area' GROUP BY 1
     )
     SELECT w.id AS worker_id, w.unit_code AS to_unit,
            s.codes[1 + abs(hashtext('demo-from:' || w.id)) % array_length(s.codes, 1)] AS from_unit,
            greatest(w.hired_on + 1, $1::date - 1 - abs(hashtext('demo-move-day:' || w.id)) % 365) AS moved_on
       FROM workers w JOIN street_areas s ON s.street = left(w.unit_code, 9)
      WHERE w.created_by = $2 AND w.status <> 'exited' AND length(w.unit_code) = 12 AND w.hired_on < $1::date - 30
        AND abs(hashtext('demo-move:' || w.id)) % 100 < $3`,
    [asOf, DEMO_MARK, DEMO_TRANSFERRED_PERCENT],
  );
  await client.query('DELETE FROM demo_moves WHERE from_unit = to_unit');
  await client.query(
    `INSERT INTO worker_history (worker_id, kind, unit_code, occurred_on, details, recorded_by)
     SELECT w.id, 'hired', coalesce(m.from_unit, w.unit_code), w.hired_on, jsonb_build_object('entryRoute', w.entry_route, 'synthetic', true), $1
       FROM workers w LEFT JOIN demo_moves m ON m.worker_id = w.id
      WHERE w.created_by = $1`,
    [DEMO_MARK],
  );
  await client.query(
    `INSERT INTO worker_history (worker_id, kind, unit_code, from_unit_code, occurred_on, details, recorded_by)
     SELECT worker_id, 'transferred', to_unit, from_unit, moved_on, '{"synthetic": true}', $1 FROM demo_moves`,
    [DEMO_MARK],
  );
  await client.query(
    `INSERT INTO worker_history (worker_id, kind, unit_code, occurred_on, details, recorded_by)
     SELECT id, 'leave', unit_code, greatest(hired_on, $2::date - 1 - abs(hashtext('demo-leave:' || id)) % 120), '{"synthetic": true}', $1
       FROM workers WHERE created_by = $1 AND status = 'leave'`,
    [DEMO_MARK, asOf],
  );
  // The same details the roster writes on an exit (worker-lifecycle.service.ts): cause, cited rules, route.
  await client.query(
    `INSERT INTO worker_history (worker_id, kind, unit_code, occurred_on, details, recorded_by)
     SELECT id, 'exited', unit_code, exited_on,
            jsonb_build_object('cause', exit_cause, 'rules', (SELECT jsonb_agg(r -> 'id') FROM jsonb_array_elements(exit_explanation -> 'rules') r),
                               'entryRoute', entry_route, 'synthetic', true), $1
       FROM workers WHERE created_by = $1 AND status = 'exited'`,
    [DEMO_MARK],
  );
}

async function historyCounts(client: ClientBase): Promise<Record<string, number>> {
  const { rows } = await client.query<{ kind: string; n: number }>(
    'SELECT kind, count(*)::int AS n FROM worker_history WHERE recorded_by = $1 GROUP BY kind ORDER BY kind',
    [DEMO_MARK],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}
