import { platformMigrations } from '@cwp/platform';
import { webhooksTablesMigrations } from './subscriptions/migrations';

/** Every migration of the webhooks schema, in order (platform tables first). */
export const webhooksMigrations: Function[] = [...platformMigrations, ...webhooksTablesMigrations];
