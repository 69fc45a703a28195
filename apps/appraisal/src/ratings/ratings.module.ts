import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles';
import { RecordsModule } from '../records';
import { CycleAccessForRatings } from './rating-access';
import { RatingRepository } from './rating.repository';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';
import { ResidentRateLimitGuard } from './resident-rate-limit.guard';

/** Ratings from the three sources (APPR-1, APPR-3), including the residents' anonymous endpoint. */
@Module({
  imports: [CyclesModule, RecordsModule],
  controllers: [RatingsController],
  providers: [RatingRepository, RatingsService, CycleAccessForRatings, ResidentRateLimitGuard],
})
export class RatingsModule {}
