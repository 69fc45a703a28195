import { Module } from '@nestjs/common';
import { AuditModule, PlatformDatabaseModule, PlatformHttpModule, PlatformInboxModule, PlatformKafkaModule } from '@cwp/platform';
import { webhooksConfig } from './config';
import { WebhooksCoreModule } from './core/webhooks-core.module';
import { DeliveriesModule } from './deliveries';
import { webhooksMigrations } from './migrations';
import { SubscriptionsModule } from './subscriptions';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = webhooksConfig.get();

/** The webhook bridge: no workflows, no events of its own; it consumes every topic of the catalog. */
@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.WEBHOOKS_DB_SCHEMA, migrations: webhooksMigrations }),
    PlatformHttpModule.forRoot(),
    PlatformKafkaModule.forService({ clientId: 'webhooks' }),
    PlatformInboxModule.forService(),
    WebhooksCoreModule.forRoot(config),
    AuditModule,
    SubscriptionsModule,
    DeliveriesModule,
  ],
})
export class AppModule {}
