import type { CadreTargetRole } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

export type CadreStatus = 'nominated' | 'confirmed' | 'declined' | 'removed' | 'exited';

/** A reserve cadre (REC-8): a candidacy of a serving worker for a community post, with its development plan. */
export interface CadreRow {
  id: string;
  workerId: string;
  /** The worker's unit at nomination: who may see the candidacy. */
  unitCode: string;
  targetRole: CadreTargetRole;
  status: CadreStatus;
  reason: string;
  planObjectives: string[];
  eligibility: Explanation;
  nominatedBy: string;
  nominatedOn: string;
  decidedBy: string | null;
  decidedOn: string | null;
  decisionNote: string | null;
  version: number;
}

export const CADRE_COLUMNS = `id, worker_id AS "workerId", unit_code AS "unitCode", target_role AS "targetRole", status, reason,
  plan_objectives AS "planObjectives", eligibility, nominated_by AS "nominatedBy", to_char(nominated_on, 'YYYY-MM-DD') AS "nominatedOn",
  decided_by AS "decidedBy", to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn", decision_note AS "decisionNote", version`;

/** One yearly review: opened by the workflow (due), decided by the district (outcome). */
export interface CadreReviewRow {
  round: number;
  dueOn: string;
  outcome: 'kept' | 'removed' | null;
  note: string | null;
  explanation: Explanation | null;
  reviewedOn: string | null;
}

export const CADRE_REVIEW_COLUMNS = `round, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", outcome, note, explanation,
  to_char(reviewed_on, 'YYYY-MM-DD') AS "reviewedOn"`;
