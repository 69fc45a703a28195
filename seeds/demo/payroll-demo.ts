/**
 * The demo city's payroll (seeds/demo/README.md): the pay projection of the demo workers and the
 * synthetic city average wage the year's recalibration is computed on. Set-based: one INSERT …
 * SELECT each; idempotent (a rerun inserts nothing). The recalibration and the month's pay run go
 * through the payroll API (payroll-demo.cli.ts), so the service's own workflow computes, explains
 * and applies them.
 */
import type { DataSource } from 'typeorm';
import { DEMO_MARK } from './demo-city';

/**
 * Synthetic, marked by DEMO_MARK as its publisher: ¥149,000 a year, about Shanghai's published
 * average of recent years; not an official figure.
 */
export const DEMO_AVERAGE_WAGE_FEN = 14_900_000;

/**
 * The pay projection of the demo workers, as the workforce `hired` events would have built it (the
 * demo city is loaded without events). Returns the number of workers added.
 */
export async function loadDemoPayWorkers(ds: DataSource, workforceSchema: string): Promise<number> {
  const rows: unknown[] = await ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on, exited_on)
     SELECT w.id::text, w.unit_code, w.status, w.entry_route, w.post_category, w.post_level, w.hired_on, w.exited_on
       FROM "${workforceSchema}".workers w
      WHERE w.created_by = $1
     ON CONFLICT (worker_id) DO NOTHING
     RETURNING worker_id`,
    [DEMO_MARK],
  );
  return rows.length;
}
