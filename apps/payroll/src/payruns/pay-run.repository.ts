import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PAY_RUN_COLUMNS, PAY_SLIP_COLUMNS, type PayRunRow, type PaySlipRow, type UnitTotalRow } from './pay-run.row';

export interface SlipGroup {
  category: string;
  level: number;
  yearsOfService: number;
  /** PAY-2 matrix pay a year grossed up by the performance share (for workers never recalibrated). */
  matrixAnnualFen: number;
}

/** All SQL of the pay run; the slips are one set-based INSERT … SELECT per period. */
@Injectable()
export class PayRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(period: string, em: EntityManager = this.dataSource.manager): Promise<PayRunRow | undefined> {
    return ((await em.query(`SELECT ${PAY_RUN_COLUMNS} FROM pay_runs r WHERE r.period = $1`, [period])) as PayRunRow[])[0];
  }

  /** Claims the period (false when it was run already: a second run changes nothing). */
  async claim(em: EntityManager, period: string, policyVersion: string, explanation: unknown, by: string): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO pay_runs (period, policy_version, workers, base_total_fen, performance_total_fen, explanation, run_by)
       VALUES ($1, $2, 0, 0, 0, $3::jsonb, $4) ON CONFLICT (period) DO NOTHING RETURNING period`,
      [period, policyVersion, JSON.stringify(explanation), by],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * Every employed worker's slip of the month: yearly pay (recalibrated, else the matrix), its base
   * part paid monthly and its performance part quarterly or yearly, split so that twelve slips add
   * up exactly (rules/monthly-split.ts is the same arithmetic). Then the run's totals.
   */
  async writeSlips(
    em: EntityManager,
    p: {
      period: string;
      referenceDay: string;
      lastDay: string;
      month: number;
      share: number;
      paidEvery: 'quarter' | 'year';
      groups: readonly SlipGroup[];
    },
  ): Promise<void> {
    await em.query(
      `WITH g AS (SELECT * FROM unnest($3::text[], $4::int[], $5::int[], $6::bigint[]) AS g(post_category, post_level, years, matrix_fen)),
       a AS (
         SELECT w.worker_id, w.unit_code, COALESCE(w.annual_pay_fen, g.matrix_fen) AS annual
           FROM pay_workers w
           JOIN g ON g.post_category = w.post_category AND g.post_level = w.post_level
                 AND g.years = LEAST(60, GREATEST(0, date_part('year', age($2::date, w.hired_on))::int))
          WHERE w.status <> 'exited' AND w.hired_on <= $7::date),
       b AS (SELECT a.*, round(a.annual::numeric * (1 - $8::numeric))::bigint AS base_year FROM a)
       INSERT INTO pay_slips (period, worker_id, unit_code, annual_fen, base_fen, performance_fen)
       SELECT $1, b.worker_id, b.unit_code, b.annual,
              b.base_year / 12 + CASE WHEN $9::int <= b.base_year % 12 THEN 1 ELSE 0 END,
              CASE WHEN $10 = 'year' THEN CASE WHEN $9::int = 12 THEN b.annual - b.base_year ELSE 0 END
                   WHEN $9::int % 3 = 0 THEN (b.annual - b.base_year) / 4 + CASE WHEN $9::int / 3 <= (b.annual - b.base_year) % 4 THEN 1 ELSE 0 END
                   ELSE 0 END
         FROM b`,
      [
        p.period,
        p.referenceDay,
        p.groups.map((g) => g.category),
        p.groups.map((g) => g.level),
        p.groups.map((g) => g.yearsOfService),
        p.groups.map((g) => g.matrixAnnualFen),
        p.lastDay,
        p.share,
        p.month,
        p.paidEvery,
      ],
    );
    await em.query(
      `UPDATE pay_runs r SET workers = t.n, base_total_fen = t.base, performance_total_fen = t.perf
         FROM (SELECT count(*)::int AS n, COALESCE(sum(base_fen), 0) AS base, COALESCE(sum(performance_fen), 0) AS perf FROM pay_slips WHERE period = $1) t
        WHERE r.period = $1`,
      [p.period],
    );
  }

  async groups(referenceDay: string): Promise<Array<{ category: string; level: number; yearsOfService: number }>> {
    return (await this.dataSource.query(
      `SELECT w.post_category AS category, w.post_level AS level, LEAST(60, GREATEST(0, date_part('year', age($1::date, w.hired_on))::int)) AS "yearsOfService"
         FROM pay_workers w WHERE w.status <> 'exited' GROUP BY 1, 2, 3`,
      [referenceDay],
    )) as Array<{ category: string; level: number; yearsOfService: number }>;
  }

  async slip(period: string, workerId: string): Promise<PaySlipRow | undefined> {
    return (
      (await this.dataSource.query(`SELECT ${PAY_SLIP_COLUMNS} FROM pay_slips s WHERE s.period = $1 AND s.worker_id = $2`, [
        period,
        workerId,
      ])) as PaySlipRow[]
    )[0];
  }

  async slipsOfYear(year: number, workerId: string): Promise<PaySlipRow[]> {
    return (await this.dataSource.query(
      `SELECT ${PAY_SLIP_COLUMNS} FROM pay_slips s WHERE s.period LIKE $1 AND s.worker_id = $2 ORDER BY s.period`,
      [`${year}-%`, workerId],
    )) as PaySlipRow[];
  }

  /** Totals per unit (6 district, 9 street, 12 area digits) within a scope prefix. */
  async unitTotals(period: string, digits: 6 | 9 | 12, scopePrefix: string): Promise<UnitTotalRow[]> {
    return (await this.dataSource.query(
      `SELECT substr(unit_code, 1, ${digits}) AS "unitCode", count(*)::int AS workers, sum(base_fen)::float8 AS "baseFen", sum(performance_fen)::float8 AS "performanceFen"
         FROM pay_slips WHERE period = $1 AND unit_code LIKE $2 GROUP BY 1 ORDER BY 1`,
      [period, `${scopePrefix}%`],
    )) as UnitTotalRow[];
  }

  /** Streams nothing yet: the bank file of a period is read in worker order (one query). */
  async slipsOfPeriod(period: string): Promise<PaySlipRow[]> {
    return (await this.dataSource.query(`SELECT ${PAY_SLIP_COLUMNS} FROM pay_slips s WHERE s.period = $1 ORDER BY s.worker_id`, [
      period,
    ])) as PaySlipRow[];
  }
}
