export { SubscriptionsModule } from './subscriptions.module';
export { SubscriptionRepository } from './subscription.repository';
export { SubscriptionsService } from './subscriptions.service';
export { SUBSCRIBABLE_EVENT_TYPES } from './subscription.dto';
