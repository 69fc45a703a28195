import type { RecalibrationPreviewSummary } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

export type RecalibrationStatus = 'open' | 'previewed' | 'approved' | 'applying' | 'applied';

/** One `recalibrations` row. */
export interface RecalibrationRow {
  payYear: number;
  status: RecalibrationStatus;
  multiplier: number | null;
  multiplierRevision: number;
  previewId: string | null;
  previewWageRevision: number | null;
  previewMultiplierRevision: number | null;
  policyVersion: string | null;
  referenceWageYear: number | null;
  summary: RecalibrationPreviewSummary | null;
  explanation: Explanation | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  applyTotal: number;
  applyDone: number;
  applyStartedAt: Date | null;
  appliedAt: Date | null;
  /** PAY-3: a wage corrected while the year was approved or applying; re-opens it when the apply finishes. */
  reopenPending: { wageRevision: number; reason: string } | null;
}

export const RECALIBRATION_COLUMNS = `
  r.pay_year AS "payYear", r.status, r.multiplier::float8 AS multiplier, r.multiplier_revision AS "multiplierRevision",
  r.preview_id AS "previewId", r.preview_wage_revision AS "previewWageRevision", r.preview_multiplier_revision AS "previewMultiplierRevision",
  r.policy_version AS "policyVersion", r.reference_wage_year AS "referenceWageYear", r.summary, r.explanation,
  r.approved_by AS "approvedBy", r.approved_at AS "approvedAt", r.apply_total AS "applyTotal", r.apply_done AS "applyDone",
  r.apply_started_at AS "applyStartedAt", r.applied_at AS "appliedAt",
  CASE WHEN r.reopen_pending_revision IS NULL THEN NULL
       ELSE json_build_object('wageRevision', r.reopen_pending_revision, 'reason', r.reopen_pending_reason) END AS "reopenPending"`;

/** One worker's line of a preview (old and new yearly pay, fen). */
export interface RecalibrationLineRow {
  workerId: string;
  unitCode: string;
  groupNo: number;
  previousFen: number;
  newFen: number;
  applied: boolean;
}

/** PAY-8: the budget of one district or street, last year's pay against the new. */
export interface BudgetRow {
  unitCode: string;
  workers: number;
  previousTotalFen: number;
  newTotalFen: number;
}
