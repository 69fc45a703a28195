import { SYSTEM_PRINCIPAL } from '@cwp/platform';
import type { MultiplierReviewActivities } from '@cwp/payroll-workflows';
import type { MultiplierReviewsService } from '../multiplier-reviews.service';

/** The review workflow's one activity: open the year's review (idempotent by year). */
export function createMultiplierReviewActivities(reviews: MultiplierReviewsService): MultiplierReviewActivities {
  return { openMultiplierReview: ({ reviewYear }) => reviews.open(reviewYear, SYSTEM_PRINCIPAL) };
}
