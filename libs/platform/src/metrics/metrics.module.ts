import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { ServiceMetrics } from './service-metrics';

/**
 * `ServiceMetrics` for the whole application (global) and `GET /metrics`. Imported by
 * PlatformHttpModule, so every service has it; the outbox, inbox and Kafka modules feed it when
 * present (they inject it optionally, so their own tests need no HTTP module).
 */
@Global()
@Module({ controllers: [MetricsController], providers: [ServiceMetrics], exports: [ServiceMetrics] })
export class PlatformMetricsModule {}
