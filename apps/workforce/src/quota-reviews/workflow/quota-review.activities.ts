import { Context } from '@temporalio/activity';
import type { QuotaReviewActivities } from '@cwp/workforce-workflows';
import type { QuotaReviewService } from '../quota-review.service';

/**
 * The review workflow's activities bound to the service that owns the rows (STYLE.md). The
 * district recomputation heartbeats the last unit code it finished (every `chunkSize` areas,
 * default REVIEW_CHUNK_SIZE); a retry resumes after it.
 */
export function createQuotaReviewActivities(review: QuotaReviewService, options: { chunkSize?: number } = {}): QuotaReviewActivities {
  return {
    openReview: ({ year, decisionDays }) => review.openReview(year, decisionDays),
    proposeForDistrict: async ({ year, districtCode }) => {
      const context = Context.current();
      const resumeAfter = context.info.heartbeatDetails as string | undefined;
      const proposals = await review.proposeForDistrict(year, districtCode, {
        ...(typeof resumeAfter === 'string' ? { resumeAfter } : {}),
        ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
        heartbeat: (lastCode) => context.heartbeat(lastCode),
      });
      return { proposals };
    },
    startDecisionPeriod: ({ year, deadlineAt }) => review.startDecisionPeriod(year, deadlineAt),
    decideDistrict: (input) => review.decideDistrict(input),
    closeReview: ({ year }) => review.closeReview(year),
  };
}
