export { MultiplierReviewsModule } from './multiplier-reviews.module';
export { MultiplierReviewsService } from './multiplier-reviews.service';
export { multiplierReviewMigrations } from './migrations';
export { createMultiplierReviewActivities } from './workflow/multiplier-review.activities';
export { multiplierReviewSchedule } from './workflow/multiplier-review.schedule';
