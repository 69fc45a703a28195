import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuditTrail } from '../audit/audit-trail';
import { SystemReadAuditInterceptor } from '../audit/system-read-audit.interceptor';
import { AuthGuard } from '../auth/auth.guard';
import { Jurisdiction } from '../auth/jurisdiction';
import { TokenVerifier } from '../auth/token-verifier';
import { getPlatformConfig, PlatformConfig } from '../config/platform-config';
import { ContractDocumentsModule } from '../contract-documents/contract-documents.controller';
import { HealthModule } from '../health/health.module';
import { PlatformLabelsModule } from '../labels/labels.controller';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { PlatformHousekeepingModule } from '../housekeeping/housekeeping.module';
import { PlatformMetricsModule } from '../metrics/metrics.module';
import { PlatformTracingModule } from '../tracing/tracing.module';
import { LogFlushOnShutdown } from '../logging/log-flush-on-shutdown';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { BodylessRouteGuard } from './bodyless-route.guard';
import { ConcurrencyInterceptor } from './concurrency.interceptor';
import { PlatformExceptionFilter } from './exception-filter';
import { ProblemTypesModule } from './problem-types.controller';
import { createValidationPipe } from './validation';

export interface PlatformHttpModuleOptions {
  /** Defaults to the process-wide config validated by bootstrapService (getPlatformConfig()). */
  config?: PlatformConfig;
  /** Defaults to the tree in `config.orgTreeFile`. */
  directory?: OrgUnitDirectory;
  /** Extra providers to register in the module (globally visible through exports only). */
  extraProviders?: Provider[];
}

/**
 * The HTTP and access wiring of every service: config, org tree, token verification, the
 * deny-by-default auth guard, the one exception filter, the validation pipe, jurisdiction and
 * audit trail, idempotency, /health + /ready, and the event contract documents (/asyncapi.json,
 * /schemas/events/<type>.json). Global: inject `PlatformConfig`,
 * `OrgUnitDirectory`, `Jurisdiction`, `AuditTrail` anywhere. Needs a `DataSource` provider
 * (PlatformDatabaseModule) for the audit trail and idempotency.
 */
@Global()
@Module({})
export class PlatformHttpModule {
  static forRoot(options: PlatformHttpModuleOptions = {}): DynamicModule {
    // Factories, not values: the module is declared at import time, before bootstrapService has
    // validated the environment; the config is read when Nest instantiates the providers.
    return {
      module: PlatformHttpModule,
      imports: [
        HealthModule,
        ContractDocumentsModule,
        ProblemTypesModule,
        PlatformLabelsModule,
        PlatformMetricsModule,
        PlatformHousekeepingModule,
        PlatformTracingModule,
      ],
      providers: [
        { provide: PlatformConfig, useFactory: () => options.config ?? getPlatformConfig() },
        {
          provide: OrgUnitDirectory,
          useFactory: (config: PlatformConfig) => options.directory ?? OrgUnitDirectory.fromFile(config.orgTreeFile),
          inject: [PlatformConfig],
        },
        // Creates the local signing key at boot if it is missing, so minted tokens verify.
        {
          provide: TokenVerifier,
          useFactory: (config: PlatformConfig, directory: OrgUnitDirectory) => TokenVerifier.create(config.auth, directory),
          inject: [PlatformConfig, OrgUnitDirectory],
        },
        AuditTrail,
        Jurisdiction,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: BodylessRouteGuard },
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        IdempotencyStore,
        LogFlushOnShutdown,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: SystemReadAuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ConcurrencyInterceptor },
        ...(options.extraProviders ?? []),
      ],
      exports: [
        PlatformConfig,
        OrgUnitDirectory,
        TokenVerifier,
        AuditTrail,
        Jurisdiction,
        IdempotencyStore,
        HealthModule,
        PlatformMetricsModule,
        PlatformHousekeepingModule,
      ],
    };
  }
}
