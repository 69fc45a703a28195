import { Global, Module } from '@nestjs/common';
import { operationsSettings } from '../operations/operations-config';
import { HOUSEKEEPING_OPTIONS, HousekeepingService, type HousekeepingOptions } from './housekeeping.service';

/**
 * The purge timer of every service (imported by PlatformHttpModule, so apps need no change);
 * retention and period from OUTBOX_RETENTION_DAYS, INBOX_RETENTION_DAYS, DEAD_LETTER_RETENTION_DAYS,
 * HOUSEKEEPING_INTERVAL_MINUTES.
 */
@Global()
@Module({
  providers: [
    {
      provide: HOUSEKEEPING_OPTIONS,
      useFactory: (): HousekeepingOptions => {
        const settings = operationsSettings();
        return {
          retention: {
            outbox: settings.OUTBOX_RETENTION_DAYS,
            inbox: settings.INBOX_RETENTION_DAYS,
            deadLetters: settings.DEAD_LETTER_RETENTION_DAYS,
          },
          intervalMs: settings.HOUSEKEEPING_INTERVAL_MINUTES * 60_000,
        };
      },
    },
    HousekeepingService,
  ],
  exports: [HousekeepingService],
})
export class PlatformHousekeepingModule {}
