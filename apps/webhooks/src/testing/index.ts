export { WebhookReceiver, type ReceivedCall } from './webhook-receiver';
