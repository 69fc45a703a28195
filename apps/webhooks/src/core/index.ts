export { WebhooksCoreModule, WEBHOOKS_SETTINGS, SECRET_BOX, type WebhooksSettings } from './webhooks-core.module';
export { SecretBox } from './secret-box';
