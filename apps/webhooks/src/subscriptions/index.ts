export { SubscriptionsModule } from './subscriptions.module';
export { SubscriptionRepository } from './subscription.repository';
export { SUBSCRIBABLE_EVENT_TYPES } from './subscription.dto';
