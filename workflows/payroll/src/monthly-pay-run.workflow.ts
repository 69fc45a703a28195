/**
 * PAY-2: started by the Temporal Schedule `pay-run-monthly`; pays the current Shanghai month with
 * one set-based activity (idempotent by period: a repeated run changes nothing).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { MonthlyPayRunActivities } from './activities';

const { runPayRun } = proxyActivities<MonthlyPayRunActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export async function monthlyPayRunWorkflow(): Promise<{ period: string; workers: number }> {
  const now = new Date(Date.now() + SHANGHAI_OFFSET_MS);
  const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return runPayRun({ period });
}
