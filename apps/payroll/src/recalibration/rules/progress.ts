import type { RecalibrationProgress } from '@cwp/contracts';

/** Done/total, rate since the apply started and the estimated end (PAY-3 progress, API and workflow query). */
export function recalibrationProgress(done: number, total: number, startedAt: Date | null, now: Date): RecalibrationProgress {
  const elapsed = startedAt ? (now.getTime() - startedAt.getTime()) / 1000 : 0;
  const ratePerSecond = startedAt && done > 0 && elapsed > 0 ? Math.round((done / elapsed) * 10) / 10 : null;
  const etaAt = ratePerSecond && done < total ? new Date(now.getTime() + ((total - done) / ratePerSecond) * 1000).toISOString() : null;
  return { done, total, ratePerSecond, etaAt, startedAt: startedAt ? startedAt.toISOString() : null };
}
