import { Module } from '@nestjs/common';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

@Module({
  controllers: [SubscriptionsController],
  providers: [SubscriptionRepository, SubscriptionsService],
  exports: [SubscriptionRepository],
})
export class SubscriptionsModule {}
