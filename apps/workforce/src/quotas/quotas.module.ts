import { Module } from '@nestjs/common';
import { FloatingQuotaService } from './floating-quota.service';
import { QuotasController } from './quotas.controller';
import { QuotasService } from './quotas.service';
import { QuotaReviewWorkflows } from './review/quota-review-workflows';
import { QuotaReviewService } from './review/quota-review.service';
import { QuotaReviewsController } from './review/quota-reviews.controller';
import { QuotaReviewsService } from './review/quota-reviews.service';

/** Staffing quotas (QUOTA-1..4), floating-quota loans and the yearly review (QUOTA-5). */
@Module({
  controllers: [QuotasController, QuotaReviewsController],
  providers: [QuotasService, FloatingQuotaService, QuotaReviewService, QuotaReviewsService, QuotaReviewWorkflows],
  exports: [QuotaReviewService],
})
export class QuotasModule {}
