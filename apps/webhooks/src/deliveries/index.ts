export { DeliveriesModule } from './deliveries.module';
export { DeliveryDispatcher } from './delivery-dispatcher.service';
export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './rules/signature';
