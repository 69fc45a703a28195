import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PAY_ARREARS_COLUMNS,
  PAY_RUN_COLUMNS,
  PAY_SLIP_COLUMNS,
  type PayArrearsRow,
  type PayRunRow,
  type PaySlipRow,
  type SlipEventRow,
  type UnitTotalRow,
} from './pay-run.row';
import { monthBaseSql } from './rules/monthly-split.sql';

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
   * Every employed worker's slip of the month: yearly pay (recalibrated, else the matrix) and its
   * base part paid monthly, split so that twelve slips add up exactly (rules/monthly-split.ts is
   * the same arithmetic). Performance pay starts at 0: the unit pool's instalment fills it when one
   * falls due (PAY-6, PayRunPools).
   */
  async writeSlips(
    em: EntityManager,
    p: { period: string; referenceDay: string; lastDay: string; month: number; share: number; groups: readonly SlipGroup[] },
  ): Promise<void> {
    await em.query(
      `WITH g AS (SELECT * FROM unnest($3::text[], $4::int[], $5::int[], $6::bigint[]) AS g(post_category, post_level, years, matrix_fen)),
       a AS (
         SELECT w.worker_id, w.unit_code, COALESCE(w.annual_pay_fen, g.matrix_fen) AS annual
           FROM pay_workers w
           JOIN g ON g.post_category = w.post_category AND g.post_level = w.post_level
                 AND g.years = LEAST(60, GREATEST(0, date_part('year', age($2::date, w.hired_on))::int))
          WHERE w.status <> 'exited' AND w.hired_on <= $7::date)
       INSERT INTO pay_slips (period, worker_id, unit_code, annual_fen, base_fen, performance_fen)
       SELECT $1, a.worker_id, a.unit_code, a.annual, ${monthBaseSql('a.annual', '$9::int', '$8')}, 0 FROM a`,
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
      ],
    );
  }

  /** The run's totals from its slips, and what its pools paid (null: no instalment fell due). */
  async writeTotals(em: EntityManager, period: string, pools: unknown): Promise<void> {
    await em.query(
      `UPDATE pay_runs r SET workers = t.n, base_total_fen = t.base, performance_total_fen = t.perf, arrears_total_fen = t.arrears, pools = $2::jsonb
         FROM (SELECT count(*)::int AS n, COALESCE(sum(base_fen), 0) AS base, COALESCE(sum(performance_fen), 0) AS perf,
                      COALESCE(sum(arrears_fen), 0) AS arrears FROM pay_slips WHERE period = $1) t
        WHERE r.period = $1`,
      [period, JSON.stringify(pools)],
    );
  }

  /**
   * Arrears (PAY-3 applied back-dated, a post level corrected, a wage corrected and the year
   * recalibrated again): for every worker paid this month and every earlier month of the same
   * year, the base pay that month makes due on the yearly pay now in force, against what was paid
   * for it (its slip's base pay plus arrears already paid for it). Each month still different is
   * one line; the slip carries their sum. A month settled once yields no line again. (Performance
   * pay is the unit pool's, PAY-6: it does not follow the worker's yearly pay.)
   */
  async writeArrears(em: EntityManager, period: string, share: number): Promise<void> {
    const yearStart = `${period.slice(0, 4)}-01`;
    await em.query(
      `WITH cur AS (SELECT worker_id, annual_fen FROM pay_slips WHERE period = $1),
       months AS (
         SELECT p.worker_id, p.period AS for_period, p.annual_fen AS paid_annual, substr(p.period, 6, 2)::int AS m, p.base_fen AS slip_paid
           FROM pay_slips p WHERE p.period >= $2 AND p.period < $1),
       settled AS (
         SELECT worker_id, for_period, sum(arrears_fen) AS fen FROM pay_arrears
          WHERE for_period >= $2 AND period < $1 GROUP BY 1, 2),
       due AS (
         SELECT months.worker_id, months.for_period, months.paid_annual, cur.annual_fen AS due_annual,
                months.slip_paid + COALESCE(settled.fen, 0) AS paid, ${monthBaseSql('cur.annual_fen', 'months.m', '$3')} AS due
           FROM months JOIN cur USING (worker_id)
           LEFT JOIN settled ON settled.worker_id = months.worker_id AND settled.for_period = months.for_period)
       INSERT INTO pay_arrears (period, worker_id, for_period, paid_annual_fen, due_annual_fen, paid_fen, due_fen, arrears_fen)
       SELECT $1, worker_id, for_period, paid_annual, due_annual, paid, due, due - paid FROM due WHERE due <> paid`,
      [period, yearStart, share],
    );
    await em.query(
      `UPDATE pay_slips s SET arrears_fen = a.fen
         FROM (SELECT worker_id, sum(arrears_fen) AS fen FROM pay_arrears WHERE period = $1 GROUP BY 1) a
        WHERE s.period = $1 AND s.worker_id = a.worker_id`,
      [period],
    );
  }

  /** A page of the period's slips in worker order with their pool line (for the slip-paid events). */
  async slipEventPage(em: EntityManager, period: string, after: string, limit: number): Promise<SlipEventRow[]> {
    return (await em.query(
      `SELECT ${PAY_SLIP_COLUMNS}, l.unit_code AS "poolUnitCode", l.grade, l.share_fen::float8 AS "shareFen",
              p.appraisal_year AS "appraisalYear", p.instalment, p.instalments
         FROM pay_slips s
         LEFT JOIN pay_pool_lines l ON l.period = s.period AND l.worker_id = s.worker_id
         LEFT JOIN pay_pools p ON p.period = l.period AND p.unit_code = l.unit_code
        WHERE s.period = $1 AND s.worker_id > $2 ORDER BY s.worker_id LIMIT $3`,
      [period, after, limit],
    )) as SlipEventRow[];
  }

  async arrearsOf(period: string, workerId: string): Promise<PayArrearsRow[]> {
    return (await this.dataSource.query(
      `SELECT ${PAY_ARREARS_COLUMNS} FROM pay_arrears a WHERE a.period = $1 AND a.worker_id = $2 ORDER BY a.for_period`,
      [period, workerId],
    )) as PayArrearsRow[];
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
      `SELECT substr(unit_code, 1, ${digits}) AS "unitCode", count(*)::int AS workers, sum(base_fen)::float8 AS "baseFen", sum(performance_fen)::float8 AS "performanceFen",
              sum(arrears_fen)::float8 AS "arrearsFen"
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
