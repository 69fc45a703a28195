/**
 * The payroll feature modules in the platform's integration context (`testing.createIntegrationContext`:
 * a throw-away PostgreSQL schema, the platform HTTP wiring with auth guard, validation pipe,
 * exception filter, idempotency and audit, listening on an ephemeral port), plus what payroll adds:
 * its core settings, an inbox on real Kafka (started by the spec that needs it) and the Temporal
 * client the spec gives. Test code only; never imported by the service.
 */
import { Logger, type Type } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  AuditModule,
  InboxConsumer,
  KafkaJsSubscriber,
  createKafka,
  kafkaBrokersFrom,
  platformMigrations,
  testing,
  type Principal,
} from '@cwp/platform';
import { payrollEventContracts } from '@cwp/contracts';
import { PayrollCoreModule, type PayrollSettings } from '../core';
import { payrollMigrations } from '../migrations';
import { MultiplierReviewsModule } from '../multiplier-review';
import { PayRunsModule } from '../payruns';
import { PerformancePoolsModule } from '../performance';
import { PolicyVersionsModule } from '../policy-versions';
import { RecalibrationModule } from '../recalibration';
import { WagesModule } from '../wages';
import { PayWorkersModule } from '../workers';

export interface HttpResult {
  status: number;
  body: any;
}

export interface PayrollTestApp {
  ds: testing.TestDataSource;
  settings: PayrollSettings;
  inbox: InboxConsumer;
  get<T>(type: Type<T>): T;
  call(method: string, url: string, opts?: { principal?: Principal; body?: unknown }): Promise<HttpResult>;
  close(): Promise<void>;
}

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });
export const CITY = principalOf('city', '31');

export async function startPayrollTestApp(options: {
  schemaPrefix: string;
  client?: Client;
  settings?: Partial<PayrollSettings>;
}): Promise<PayrollTestApp> {
  Logger.overrideLogger(process.env.WF_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const settings: PayrollSettings = {
    taskQueue: testing.uniqueName('payroll-it'),
    workersConsumer: testing.uniqueName('payroll-workers-it'),
    performanceConsumer: testing.uniqueName('payroll-performance-it'),
    applyChunk: 50,
    applyChunksPerActivity: 3,
    ...options.settings,
  };
  const subscriber = new KafkaJsSubscriber(createKafka({ clientId: settings.workersConsumer, brokers: kafkaBrokersFrom() }));
  let inbox: InboxConsumer | undefined;
  const client = options.client ?? new Client({ connection: Connection.lazy({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:1' }) });
  const context = await testing.createIntegrationContext({
    service: 'payroll',
    schemaPrefix: options.schemaPrefix,
    // The context applies the platform's migrations first.
    migrations: payrollMigrations.filter((m) => !platformMigrations.includes(m)),
    produces: payrollEventContracts,
    providers: [
      {
        provide: InboxConsumer,
        useFactory: (ds: DataSource) =>
          (inbox = new InboxConsumer(ds, subscriber, { fromBeginning: true, minBackoffMs: 50, maxBackoffMs: 500 })),
        inject: [DataSource],
      },
      { provide: Client, useValue: client },
    ],
    imports: [
      PayrollCoreModule.forRoot(settings),
      AuditModule,
      PayWorkersModule,
      WagesModule,
      PolicyVersionsModule,
      RecalibrationModule,
      PayRunsModule,
      PerformancePoolsModule,
      MultiplierReviewsModule,
    ],
    listen: true,
  });
  const tokens = new Map<string, string>();
  const token = async (p: Principal): Promise<string> => {
    const key = `${p.role}:${p.unit}:${p.sub}`;
    if (!tokens.has(key)) tokens.set(key, await context.token(p));
    return tokens.get(key)!;
  };
  return {
    ds: context.ds,
    settings,
    inbox: context.get(InboxConsumer),
    get: (type) => context.get(type),
    async call(method, url, opts = {}) {
      const res = await fetch(`${context.baseUrl!}${url}`, {
        method,
        headers: {
          ...(opts.principal ? { authorization: `Bearer ${await token(opts.principal)}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      // A workbook is binary: its bytes, not text.
      if ((res.headers.get('content-type') ?? '').includes('spreadsheetml'))
        return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
      const text = await res.text();
      return {
        status: res.status,
        body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text || undefined,
      };
    },
    async close() {
      await inbox?.stop();
      await context.close();
    },
  };
}
