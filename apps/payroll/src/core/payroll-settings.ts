import type { PayRecalibrationInput } from '@cwp/contracts';

/** Settings the features read (from config.ts at boot; tests give their own). */
export interface PayrollSettings {
  taskQueue: string;
  workersConsumer: string;
  /** Kafka group (and inbox key) of the performance pool's inputs: appraisal grades and unit quotas (PAY-6). */
  performanceConsumer: string;
  /**
   * Kafka group (and inbox key) that bootstraps the projection from the workforce's compacted
   * `cwp.workforce.worker-state` topic (a new deployment); empty: not consumed.
   */
  workerStateConsumer?: string;
  applyChunk: number;
  applyChunksPerActivity: number;
}

export const PAYROLL_SETTINGS = Symbol('PAYROLL_SETTINGS');

/** The input of `pay-recalibration:<year>` as these settings size its apply (the API's start and a wage correction's restart). */
export function payRecalibrationInput(payYear: number, settings: PayrollSettings): PayRecalibrationInput {
  return { payYear, chunkSize: settings.applyChunk, chunksPerActivity: settings.applyChunksPerActivity };
}
