/**
 * PAY-4: started by the Temporal Schedule `pay-multiplier-review` (January of every fourth year);
 * opens the city's multiplier review for the current Shanghai year with one activity (idempotent by
 * year: a repeated or caught-up run changes nothing).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { MultiplierReviewActivities } from './activities';

const { openMultiplierReview } = proxyActivities<MultiplierReviewActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export async function multiplierReviewWorkflow(input: { reviewYear?: number } = {}): Promise<{ reviewYear: number; opened: boolean }> {
  // Workflow time is deterministic (the time of this workflow task).
  const reviewYear = input.reviewYear ?? new Date(Date.now() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return openMultiplierReview({ reviewYear });
}
