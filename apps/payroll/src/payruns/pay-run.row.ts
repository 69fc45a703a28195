import type { Explanation, Grade } from '@cwp/policy';
import type { PoolRunSummary } from './pay-pool.row';

export interface PayRunRow {
  period: string;
  policyVersion: string;
  workers: number;
  baseTotalFen: number;
  performanceTotalFen: number;
  arrearsTotalFen: number;
  /** PAY-6: what the pools paid this month (null: no performance instalment fell due). */
  pools: PoolRunSummary | null;
  explanation: Explanation;
  runBy: string;
  createdAt: Date;
}

export const PAY_RUN_COLUMNS = `r.period, r.policy_version AS "policyVersion", r.workers, r.base_total_fen::float8 AS "baseTotalFen",
  r.performance_total_fen::float8 AS "performanceTotalFen", r.arrears_total_fen::float8 AS "arrearsTotalFen", r.pools, r.explanation, r.run_by AS "runBy", r.created_at AS "createdAt"`;

export interface PaySlipRow {
  period: string;
  workerId: string;
  unitCode: string;
  annualFen: number;
  baseFen: number;
  performanceFen: number;
  /** Back pay for earlier months of the year (negative: overpaid), the sum of the slip's arrears lines. */
  arrearsFen: number;
}

export const PAY_SLIP_COLUMNS = `s.period, s.worker_id AS "workerId", s.unit_code AS "unitCode", s.annual_fen::float8 AS "annualFen", s.base_fen::float8 AS "baseFen", s.performance_fen::float8 AS "performanceFen", s.arrears_fen::float8 AS "arrearsFen"`;

/** One earlier month the slip settles: what it was paid on, what is due on the yearly pay in force now. */
export interface PayArrearsRow {
  forPeriod: string;
  paidAnnualFen: number;
  dueAnnualFen: number;
  paidFen: number;
  dueFen: number;
  arrearsFen: number;
}

export const PAY_ARREARS_COLUMNS = `a.for_period AS "forPeriod", a.paid_annual_fen::float8 AS "paidAnnualFen", a.due_annual_fen::float8 AS "dueAnnualFen",
  a.paid_fen::float8 AS "paidFen", a.due_fen::float8 AS "dueFen", a.arrears_fen::float8 AS "arrearsFen"`;

export interface UnitTotalRow {
  unitCode: string;
  workers: number;
  baseFen: number;
  performanceFen: number;
  arrearsFen: number;
}

/** A slip with its pool line, as the slip-paid event reads it. */
export interface SlipEventRow extends PaySlipRow {
  poolUnitCode: string | null;
  grade: Grade | null;
  shareFen: number | null;
  appraisalYear: number | null;
  instalment: number | null;
  instalments: number | null;
}
