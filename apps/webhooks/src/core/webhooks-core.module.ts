import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformConfig, loadPiiKeys, piiConfig } from '@cwp/platform';
import type { WebhooksConfig } from '../config';
import { SecretBox } from './secret-box';

export const WEBHOOKS_SETTINGS = Symbol('WEBHOOKS_SETTINGS');
export const SECRET_BOX = Symbol('SECRET_BOX');

export interface WebhooksSettings {
  consumer: string;
  maxAttempts: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
  pollMs: number;
  batch: number;
  allowHttp: boolean;
}

/** What every feature reads: the settings, and the box that seals subscription secrets. */
@Global()
@Module({})
export class WebhooksCoreModule {
  static forRoot(config: WebhooksConfig): DynamicModule {
    const settings: WebhooksSettings = {
      consumer: config.WEBHOOKS_CONSUMER,
      maxAttempts: config.WEBHOOKS_MAX_ATTEMPTS,
      minBackoffMs: config.WEBHOOKS_MIN_BACKOFF_MS,
      maxBackoffMs: config.WEBHOOKS_MAX_BACKOFF_MS,
      timeoutMs: config.WEBHOOKS_TIMEOUT_MS,
      pollMs: config.WEBHOOKS_POLL_MS,
      batch: config.WEBHOOKS_BATCH,
      allowHttp: config.WEBHOOKS_ALLOW_HTTP,
    };
    return {
      module: WebhooksCoreModule,
      providers: [
        { provide: WEBHOOKS_SETTINGS, useValue: settings },
        {
          provide: SECRET_BOX,
          inject: [PlatformConfig],
          useFactory: (platform: PlatformConfig) => new SecretBox(loadPiiKeys(piiConfig.get(), platform.stateDir).encryption),
        },
      ],
      exports: [WEBHOOKS_SETTINGS, SECRET_BOX],
    };
  }
}
