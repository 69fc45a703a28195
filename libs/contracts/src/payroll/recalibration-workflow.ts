/**
 * The contract between the payroll API and the yearly recalibration workflow (PAY-3): input, the
 * approval update, the "inputs changed" signal and the state query, defined once and imported by
 * both sides. Inputs carry years, ids and operator ids only (no personal data).
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export interface PayRecalibrationInput {
  payYear: number;
  /** How often the workflow looks for the reference wage when no signal arrives (durable timer). */
  wageCheckEveryHours?: number;
  /** Rows applied per chunk (one transaction each) and chunks per activity attempt. */
  chunkSize?: number;
  chunksPerActivity?: number;
}

/** What the Schedule passes: the pay year is the (Shanghai) year in which the scheduled run starts. */
export type PayRecalibrationYearlyInput = Omit<PayRecalibrationInput, 'payYear'>;

export const RECALIBRATION_PHASES = ['waiting-wage', 'previewing', 'awaiting-approval', 'applying', 'applied'] as const;
export type RecalibrationPhase = (typeof RECALIBRATION_PHASES)[number];

export interface RecalibrationProgress {
  done: number;
  total: number;
  /** Workers per second since apply started (null before the first chunk). */
  ratePerSecond: number | null;
  /** Estimated completion (ISO time), null when unknown or done. */
  etaAt: string | null;
  startedAt: string | null;
}

export interface RecalibrationPreviewSummary {
  previewId: string;
  policyVersion: string;
  multiplier: number;
  referenceWageYear: number;
  referenceWageFen: number;
  workers: number;
  previousTotalFen: number;
  totalFen: number;
  gainers: number;
  losers: number;
  /** PAY-7: workers whose pay the ceiling held below the chosen multiple. */
  heldByCeiling: number;
}

export interface RecalibrationState {
  payYear: number;
  phase: RecalibrationPhase;
  preview: RecalibrationPreviewSummary | null;
  /** How many previews were built (each change of wage or multiplier builds a new one). */
  previews: number;
  approvedBy: string | null;
  progress: RecalibrationProgress;
}

export interface RecalibrationApprovalRequest {
  /** The preview the city looked at: a stale id (wage or multiplier changed since) is refused. */
  previewId: string;
  approvedBy: { sub: string; role: string; unit: string };
}

/** The city approves the preview it saw; the validator refuses a stale or missing preview. */
export const recalibrationApprovalUpdate = defineUpdate<RecalibrationPreviewSummary, [RecalibrationApprovalRequest]>(
  'payRecalibrationApprove',
);

/** The wage was published or corrected, or the year's multiplier changed: look again, rebuild the preview. */
export const recalibrationInputsChangedSignal =
  defineSignal<[{ reason: 'wage-published' | 'wage-corrected' | 'multiplier-changed' }]>('payRecalibrationInputsChanged');

/**
 * PAY-3: a wage correction re-opened the year (its apply had finished). A run that is still ending
 * starts the next run itself (continueAsNew) instead of leaving the re-opened year without one.
 */
export const recalibrationReopenedSignal = defineSignal<[{ wageYear: number; wageRevision: number }]>('payRecalibrationReopened');

export const recalibrationStateQuery = defineQuery<RecalibrationState>('payRecalibrationState');
