import type { AppraisalGrade, EntryRoute } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

/** One calibration move (APPR-2): who moved a draft grade, from what to what, and why. */
export interface CalibrationMove {
  from: AppraisalGrade;
  to: AppraisalGrade;
  reason: string;
  by: string;
  at: string;
}

export interface AppealDecision {
  outcome: 'upheld' | 'rejected';
  from: AppraisalGrade;
  to: AppraisalGrade;
  reason: string;
  by: string;
  at: string;
}

/** A worker's result for a year (APPR-2). */
export interface ResultRow {
  workerId: string;
  year: number;
  cycleId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  score: number | null;
  mappedGrade: AppraisalGrade;
  grade: AppraisalGrade;
  status: 'draft' | 'published';
  policyVersion: string;
  explanation: Explanation;
  calibrations: CalibrationMove[];
  publishedAt: Date | null;
  appealStatus: 'filed' | 'upheld' | 'rejected' | null;
  appealReason: string | null;
  appealDecision: AppealDecision | null;
  version: number;
}

export const RESULT_COLUMNS = `worker_id AS "workerId", year, cycle_id AS "cycleId", unit_code AS "unitCode", entry_route AS "entryRoute",
  score::float8 AS score, mapped_grade AS "mappedGrade", grade, status, policy_version AS "policyVersion", explanation, calibrations,
  published_at AS "publishedAt", appeal_status AS "appealStatus", appeal_reason AS "appealReason", appeal_decision AS "appealDecision", version`;

/** A published result whose current grade the worker's performance record has not heard yet. */
export interface UnsignalledResult {
  workerId: string;
  year: number;
  unitCode: string;
  entryRoute: EntryRoute;
  grade: AppraisalGrade;
  /** The grade came from an upheld appeal (the record re-decides the year's consequence). */
  appealUpheld: boolean;
  version: number;
}

/** Per worker and source: the averages of that source's raters on the five dimensions (APPR-1/3). */
export interface RatingAggregateRow {
  workerId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  source: 'management' | 'peers' | 'residents' | null;
  raters: number;
  morality: number | null;
  ability: number | null;
  diligence: number | null;
  performance: number | null;
  integrity: number | null;
}
