/**
 * The training features on REAL servers for integration specs, built with the platform testing
 * kit from the features' own modules (Nest wires every class: no positional `new`): a throw-away
 * schema in TEST_DATABASE_URL (platform + service migrations), the platform's HTTP wiring on an
 * ephemeral port, Temporal's dev server on a unique task queue with no worker (started plan
 * workflows just wait and are terminated at the end), and a real Kafka inbox that subscribes only
 * when a spec starts it. Test code only.
 */
import { randomUUID } from 'node:crypto';
import { Logger, type Type } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  InboxConsumer,
  KafkaJsSubscriber,
  ServiceClock,
  createKafka,
  kafkaBrokersFrom,
  testing,
  type InboxConsumerOptions,
  type Principal,
} from '@cwp/platform';
import { developmentPlanWorkflowId, trainingEventContracts, type WorkerHiredData } from '@cwp/contracts';
import { TRAINING_SEARCH_ATTRIBUTES, TRAINING_SETTINGS, type TrainingSettings } from '../core';
import { ClassesModule } from '../classes';
import { ComplianceModule } from '../compliance';
import { LibraryModule } from '../library';
import { MentoringModule } from '../mentoring';
import { CadresModule } from '../cadres';
import { trainingServiceMigrations } from '../migrations';
import { RosterModule, TraineesService } from '../roster';

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });
export const cityPrincipal = principalOf('city', '31');
export const elearningPrincipal = principalOf('system', '31');

export interface HttpResult {
  status: number;
  body: any;
}

export interface TrainingIntContext {
  ds: testing.TestDataSource;
  settings: TrainingSettings;
  client: Client;
  get<T>(type: Type<T>): T;
  /** A JSON request as `principal` (an Idempotency-Key on every mutation). */
  call(method: string, url: string, principal: Principal, body?: unknown): Promise<HttpResult>;
  /** A GET whose body is a file (an export), left unread for the test. */
  download(url: string, principal: Principal): Promise<Response>;
  /** Workers on the roster, as the workforce `hired` events would put them (plans not started). */
  hire(workers: Array<Partial<WorkerHiredData> & { workerId: string; unitCode: string }>): Promise<void>;
  close(): Promise<void>;
}

export interface TrainingIntOptions {
  inbox?: InboxConsumerOptions;
  settings?: Partial<TrainingSettings>;
  /** A fixed clock (`today` in Shanghai). */
  today?: string;
}

export async function createTrainingIntContext(schemaPrefix: string, options: TrainingIntOptions = {}): Promise<TrainingIntContext> {
  Logger.overrideLogger(process.env.TRAINING_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const settings: TrainingSettings = {
    taskQueue: `training-it-${randomUUID()}`,
    workersConsumer: `training-it-workers-${randomUUID()}`,
    complianceChunk: 500,
    reminderDaysBeforeDue: 90,
    ...options.settings,
  };
  const ctx = await testing.createIntegrationContext({
    service: 'training',
    schemaPrefix,
    imports: [LibraryModule, RosterModule, ClassesModule, ComplianceModule, MentoringModule, CadresModule],
    migrations: trainingServiceMigrations,
    produces: trainingEventContracts,
    listen: true,
    temporal: { taskQueue: settings.taskQueue, workflowStart: { sweepSeconds: 0 } },
    providers: [
      { provide: TRAINING_SETTINGS, useValue: settings },
      { provide: TRAINING_SEARCH_ATTRIBUTES, useValue: true },
      {
        provide: InboxConsumer,
        inject: [DataSource],
        // kafkajs connects on the first subscribe: a spec that never starts the inbox never talks to Kafka.
        useFactory: (ds: DataSource) =>
          new InboxConsumer(
            ds,
            new KafkaJsSubscriber(createKafka({ clientId: settings.workersConsumer, brokers: kafkaBrokersFrom() })),
            options.inbox,
          ),
      },
      ServiceClock,
    ],
    ...(options.today
      ? {
          override: (b) =>
            b.overrideProvider(ServiceClock).useValue({ today: () => options.today!, now: () => new Date(`${options.today}T02:00:00Z`) }),
        }
      : {}),
  });
  const tokens = new Map<string, string>();
  const client = ctx.get(Client);
  return {
    ds: ctx.ds,
    settings,
    client,
    get: (type) => ctx.get(type),
    async call(method, url, principal, body) {
      const key = `${principal.role}:${principal.unit}`;
      if (!tokens.has(key)) tokens.set(key, await ctx.token(principal));
      const res = await fetch(`${ctx.baseUrl}/api/training${url}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get(key)}`,
          'content-type': 'application/json',
          ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async download(url, principal) {
      return fetch(`${ctx.baseUrl}/api/training${url}`, { headers: { authorization: `Bearer ${await ctx.token(principal)}` } });
    },
    async hire(workers) {
      const trainees = ctx.get(TraineesService);
      await ctx.ds.transaction(async (em) => {
        for (const w of workers) {
          await trainees.fromHired(em, { hiredOn: '2024-03-01', entryRoute: 'recruited', postCategory: 'staff', ...w } as WorkerHiredData);
        }
      });
    },
    async close() {
      await ctx.get(InboxConsumer).stop();
      const ids = (await ctx.ds.query('SELECT worker_id FROM trainees WHERE workflow_started_at IS NOT NULL')) as Array<{
        worker_id: string;
      }>;
      for (const { worker_id } of ids) {
        await client.workflow
          .getHandle(developmentPlanWorkflowId(worker_id))
          .terminate('integration test finished')
          .catch(() => undefined);
      }
      // The reserve cadres' and mentoring pairs' timers this spec started (they wait: no worker here).
      const others = (await ctx.ds.query(
        `SELECT 'training-cadre:' || id AS id FROM reserve_cadres WHERE workflow_started_at IS NOT NULL
         UNION ALL SELECT 'training-mentorship:' || id FROM mentorships WHERE workflow_started_at IS NOT NULL`,
      )) as Array<{ id: string }>;
      for (const { id } of others)
        await client.workflow
          .getHandle(id)
          .terminate('integration test finished')
          .catch(() => undefined);
      await ctx.close();
    },
  };
}
