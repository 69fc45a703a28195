import type { Explanation } from '@cwp/policy';

export interface PayRunRow {
  period: string;
  policyVersion: string;
  workers: number;
  baseTotalFen: number;
  performanceTotalFen: number;
  explanation: Explanation;
  runBy: string;
  createdAt: Date;
}

export const PAY_RUN_COLUMNS = `r.period, r.policy_version AS "policyVersion", r.workers, r.base_total_fen::float8 AS "baseTotalFen",
  r.performance_total_fen::float8 AS "performanceTotalFen", r.explanation, r.run_by AS "runBy", r.created_at AS "createdAt"`;

export interface PaySlipRow {
  period: string;
  workerId: string;
  unitCode: string;
  annualFen: number;
  baseFen: number;
  performanceFen: number;
}

export const PAY_SLIP_COLUMNS = `s.period, s.worker_id AS "workerId", s.unit_code AS "unitCode", s.annual_fen::float8 AS "annualFen", s.base_fen::float8 AS "baseFen", s.performance_fen::float8 AS "performanceFen"`;

export interface UnitTotalRow {
  unitCode: string;
  workers: number;
  baseFen: number;
  performanceFen: number;
}
