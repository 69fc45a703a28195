import { CreateQuotaReviews1764000000200 } from './1764000000200-create-quota-reviews';

/** The yearly review's migrations, in order (after the quotas'). */
export const quotaReviewsMigrations: Function[] = [CreateQuotaReviews1764000000200];
