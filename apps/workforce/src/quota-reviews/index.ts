/** The yearly quota review's public surface (QUOTA-5): the only file other folders import. */
export { QuotaReviewsModule } from './quota-reviews.module';
export { QuotaReviewService } from './quota-review.service';
export { QuotaReviewsService } from './quota-reviews.service';
export { createQuotaReviewActivities } from './workflow/quota-review.activities';
export { quotaReviewSchedule } from './workflow/quota-review.schedule';
export { quotaReviewsMigrations } from './migrations';
