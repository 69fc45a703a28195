/**
 * The activities of the yearly recalibration workflow (PAY-3), as a type: apps/payroll implements
 * them (src/recalibration/workflow), the workflow imports this file with `import type` only. Each
 * is idempotent on the database rows by business key (pay year, preview id, worker id).
 */
import type { RecalibrationPreviewSummary, RecalibrationProgress } from '@cwp/contracts';

export interface OpenRecalibrationResult {
  /** `applied`: nothing left to do (a second start for the year); `applying`: resume the apply. */
  status: 'open' | 'approved' | 'applying' | 'applied';
  previewId: string | null;
}

export interface ReferenceWageFound {
  year: number;
  annualFen: number;
  revision: number;
}

export interface ApplyChunksInput {
  payYear: number;
  previewId: string;
  chunkSize: number;
  maxChunks: number;
}

export interface ApplyChunksResult {
  finished: boolean;
  progress: RecalibrationProgress;
}

export interface PayRecalibrationActivities {
  /** Records the year's recalibration once (a second start finds the row and its status). */
  openRecalibration(input: { payYear: number }): Promise<OpenRecalibrationResult>;
  /** PAY-1/PAY-3: the reference wage the version in force asks for, or null while unpublished. */
  findReferenceWage(input: { payYear: number }): Promise<ReferenceWageFound | null>;
  /** Set-based preview: per worker old/new pay, gainers/losers, PAY-7 ceiling, PAY-8 budget rows. */
  buildPreview(input: { payYear: number }): Promise<RecalibrationPreviewSummary>;
  /** Records the city's approval of this preview; refuses (CONFLICT) a preview made stale since. */
  approvePreview(input: {
    payYear: number;
    previewId: string;
    approvedBy: { sub: string; role: string; unit: string };
  }): Promise<RecalibrationPreviewSummary>;
  /** Applies up to maxChunks chunks (one transaction each, heartbeating); resumable, never twice. */
  applyChunks(input: ApplyChunksInput): Promise<ApplyChunksResult>;
  /**
   * Marks the year applied and announces the totals (once). `reopened`: a wage correction kept while
   * the apply ran re-opened the year in the same transaction (or had re-opened it already).
   */
  finishRecalibration(input: { payYear: number; previewId: string }): Promise<{ reopened: boolean }>;
}

export interface MonthlyPayRunActivities {
  /** PAY-2, PAY-5: runs the month once (set-based); a second call returns the first run. */
  runPayRun(input: { period: string }): Promise<{ period: string; workers: number }>;
}

export interface MultiplierReviewActivities {
  /** PAY-4: opens the review of the year with the four years' figures; a second call changes nothing. */
  openMultiplierReview(input: { reviewYear: number }): Promise<{ reviewYear: number; opened: boolean }>;
}
