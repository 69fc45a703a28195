import { CreateWebhookTables1766500000000 } from './1766500000000-create-webhook-tables';

export const webhooksTablesMigrations = [CreateWebhookTables1766500000000];
