import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CyclesModule } from '../cycles';
import { RecordsModule } from '../records';
import { CycleAccessForRatings } from './rating-access';
import { RatingRepository } from './rating.repository';
import { RatingsController, RESIDENT_RATINGS_PATH } from './ratings.controller';
import { RatingsService } from './ratings.service';
import { ResidentRateLimitMiddleware } from './resident-rate-limit.middleware';

/** Ratings from the three sources (APPR-1, APPR-3), including the residents' anonymous endpoint. */
@Module({
  imports: [CyclesModule, RecordsModule],
  controllers: [RatingsController],
  providers: [RatingRepository, RatingsService, CycleAccessForRatings, ResidentRateLimitMiddleware],
})
export class RatingsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ResidentRateLimitMiddleware).forRoutes({ path: RESIDENT_RATINGS_PATH, method: RequestMethod.POST });
  }
}
