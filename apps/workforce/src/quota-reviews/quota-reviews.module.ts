import { Module } from '@nestjs/common';
import { QuotaReviewRepository } from './quota-review.repository';
import { QuotaReviewService } from './quota-review.service';
import { QuotaReviewsController } from './quota-reviews.controller';
import { QuotaReviewsService } from './quota-reviews.service';
import { QuotaReviewWorkflows } from './workflow/quota-review-workflows';

/**
 * The yearly quota review (QUOTA-5): the operators' API, the workflow's database work (bound as
 * its activities by createQuotaReviewActivities) and the yearly schedule.
 */
@Module({
  controllers: [QuotaReviewsController],
  providers: [QuotaReviewRepository, QuotaReviewService, QuotaReviewsService, QuotaReviewWorkflows],
  exports: [QuotaReviewService, QuotaReviewsService],
})
export class QuotaReviewsModule {}
