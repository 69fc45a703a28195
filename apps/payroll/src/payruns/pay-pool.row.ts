import type { Grade } from '@cwp/policy';

/** One unit's pool inputs as the run reads them: quota places and paid workers per grade. */
export interface PoolUnitInputs {
  unitCode: string;
  quota: number | null;
  excellent: number;
  qualified: number;
  'basically-qualified': number;
  unqualified: number;
  ungraded: number;
}

/** Which input of a unit's pool had not reached payroll when its instalment fell due. */
export type PoolMissingInput = 'quota' | 'grades' | 'referenceWage';

/** One `pay_pools` row: a unit's pool instalment of a period, paid or with inputs missing. */
export interface PayPoolRow {
  period: string;
  unitCode: string;
  status: 'paid' | 'inputs-missing';
  missing: PoolMissingInput[];
  appraisalYear: number;
  instalment: number;
  instalments: number;
  quota: number | null;
  referenceWageYear: number | null;
  referenceWageFen: number | null;
  gradeCounts: Partial<Record<Grade, number>>;
  ungraded: number;
  poolFen: number | null;
  instalmentFen: number | null;
  distributedFen: number | null;
}

export const PAY_POOL_COLUMNS = `p.period, p.unit_code AS "unitCode", p.status, p.missing, p.appraisal_year AS "appraisalYear", p.instalment,
  p.instalments, p.quota, p.reference_wage_year AS "referenceWageYear", p.reference_wage_fen::float8 AS "referenceWageFen",
  p.grade_counts AS "gradeCounts", p.ungraded, p.pool_fen::float8 AS "poolFen", p.instalment_fen::float8 AS "instalmentFen",
  p.distributed_fen::float8 AS "distributedFen"`;

/** A worker's performance line of a period: the share of its unit's pool instalment. */
export interface PayPoolLineRow {
  unitCode: string;
  grade: Grade | null;
  shareFen: number;
}

export const PAY_POOL_LINE_COLUMNS = `l.unit_code AS "unitCode", l.grade, l.share_fen::float8 AS "shareFen"`;

/** What the run says about the pools it paid (stored on the run, returned by `POST pay-runs`). */
export interface PoolRunSummary {
  /** 1..4 for a quarter, 1 of 1 for the yearly payment. */
  instalment: number;
  instalments: number;
  appraisalYear: number;
  referenceWageYear: number;
  unitsPaid: number;
  unitsMissing: number;
  paidFen: number;
  /** Units whose pool could not be paid, with the inputs that had not arrived (the first 200; all on GET :period/pools). */
  missing: Array<{ unitCode: string; missing: PoolMissingInput[] }>;
}
