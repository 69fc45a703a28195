import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryDispatcher } from './delivery-dispatcher.service';
import { DeliveryRepository } from './delivery.repository';
import { FanOutHandler } from './events/fan-out.handler';

@Module({
  imports: [SubscriptionsModule],
  controllers: [DeliveriesController],
  providers: [DeliveryRepository, DeliveryDispatcher, DeliveriesService, FanOutHandler],
  exports: [DeliveryDispatcher, DeliveryRepository],
})
export class DeliveriesModule {}
