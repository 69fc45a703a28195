import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import { AppraisalCoreModule } from '../core';

/** The service's core module as the server-tier specs configure it: fixed timings, a fresh residents' key. */
export function appraisalCoreForTests(
  taskQueue: string,
  opts: { excellentShareLimit?: number; residentRatePerMinute?: number; workersConsumer?: string; publishChunk?: number } = {},
): DynamicModule {
  return AppraisalCoreModule.forRoot({
    settings: {
      taskQueue,
      timings: { admonishmentDays: 30, escalationDays: 14, noticeDays: 30, appealDays: 15 },
      excellentShareLimit: opts.excellentShareLimit ?? 0.2,
      residentRatePerMinute: opts.residentRatePerMinute ?? 100,
      workersConsumer: opts.workersConsumer ?? `${taskQueue}.workers`,
      publishChunk: opts.publishChunk ?? 500,
    },
    residentKey: randomBytes(32).toString('hex'),
    production: false,
  });
}
