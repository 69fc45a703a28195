import { Module } from '@nestjs/common';
import { MultiplierReviewRepository } from './multiplier-review.repository';
import { MultiplierReviewsController } from './multiplier-reviews.controller';
import { MultiplierReviewsService } from './multiplier-reviews.service';

/** PAY-4: the four-yearly multiplier review (API and the service behind its workflow's activity). */
@Module({
  controllers: [MultiplierReviewsController],
  providers: [MultiplierReviewRepository, MultiplierReviewsService],
  exports: [MultiplierReviewsService],
})
export class MultiplierReviewsModule {}
