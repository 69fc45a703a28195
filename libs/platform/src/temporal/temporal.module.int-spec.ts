import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Global, Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Client, Connection } from '@temporalio/client';
import { DomainError } from '../errors';
import { ReadinessRegistry } from '../health';
import { ensureSchedules, type ScheduleDeclaration } from './schedules';
import { CWP_SEARCH_ATTRIBUTES, ensureSearchAttributes } from './search-attributes';
import { PlatformTemporalModule } from './temporal.module';
import { TemporalWorkerService } from './temporal-worker.service';
import { buildWorkflowBundle } from './workflow-bundle';
import type { GreetingActivities } from './test-fixtures/greeting.activities';
import { addUpdate, totalQuery, type greetingWorkflow, type refusalWorkflow } from './test-fixtures/greeting.workflow';

jest.setTimeout(120_000);

const workflowsPath = require.resolve('./test-fixtures/greeting.workflow');
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A plain Nest service: the activities are bound from it, as a service's real ones are. */
@Injectable()
class GreetingService {
  refusals = 0;
  greet(name: string): Promise<string> {
    return Promise.resolve(`Hello, ${name}, from a Nest provider`);
  }
  refuse(): Promise<void> {
    this.refusals += 1;
    return Promise.reject(DomainError.businessRule('POOL-2', 'entry period is over'));
  }
}

@Global()
@Module({ providers: [ReadinessRegistry], exports: [ReadinessRegistry] })
class TestHealthModule {}

async function startApp(
  options: Partial<Parameters<typeof PlatformTemporalModule.forService>[0]> & { taskQueue: string },
): Promise<TestingModule> {
  const app = await Test.createTestingModule({
    imports: [
      TestHealthModule,
      PlatformTemporalModule.forService({
        workflows: { workflowsPath },
        activities: (ref) => {
          const service = ref.get(GreetingService, { strict: false });
          const activities: GreetingActivities = { greet: (name) => service.greet(name), refuse: () => service.refuse() };
          return { ...activities };
        },
        exitOnWorkerFailure: false,
        ...options,
      }),
    ],
    providers: [GreetingService],
  }).compile();
  await app.init();
  return app;
}

describe('PlatformTemporalModule (Temporal dev server)', () => {
  it('runs a workflow on a worker whose activities are bound from Nest providers, and drains on close', async () => {
    const taskQueue = unique('it-temporal');
    const app = await startApp({ taskQueue });
    try {
      const client = app.get(Client);
      const result = await client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
        taskQueue,
        workflowId: unique('greeting'),
        args: ['Xu Hui'],
      });
      expect(result).toBe('Hello, Xu Hui, from a Nest provider');

      const checks = await app.get(ReadinessRegistry).runAll(5_000);
      expect(checks.map((c) => [c.name, c.status]).sort()).toEqual([
        ['temporal', 'up'],
        ['temporal-worker', 'up'],
      ]);
    } finally {
      await app.close();
    }
    expect(app.get(TemporalWorkerService).status).toBe('stopped');
  });

  it('turns a DomainError into a non-retryable ApplicationFailure typed with its code (one attempt only)', async () => {
    const taskQueue = unique('it-temporal');
    const app = await startApp({ taskQueue });
    try {
      const outcome = await app
        .get(Client)
        .workflow.execute<typeof refusalWorkflow>('refusalWorkflow', { taskQueue, workflowId: unique('refusal') });
      expect(outcome).toEqual({ type: 'BUSINESS_RULE_VIOLATED', nonRetryable: true });
      expect(app.get(GreetingService).refusals).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('outside tests the worker loads the prebuilt bundle (buildWorkflowBundle) instead of bundling at start', async () => {
    const outFile = path.join(os.tmpdir(), `${unique('cwp-bundle')}.js`);
    const built = await buildWorkflowBundle(workflowsPath, outFile);
    expect(built.bytes).toBeGreaterThan(1_000);
    const taskQueue = unique('it-temporal');
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let app: TestingModule | undefined;
    try {
      // A source path that does not exist: only the bundle can make this worker run.
      app = await startApp({ taskQueue, workflows: { workflowsPath: '/nonexistent/workflows.ts', bundlePath: outFile } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    try {
      const result = await app
        .get(Client)
        .workflow.execute<typeof greetingWorkflow>('greetingWorkflow', { taskQueue, workflowId: unique('bundled'), args: ['bundle'] });
      expect(result).toBe('Hello, bundle, from a Nest provider');
    } finally {
      await app.close();
      await rm(outFile, { force: true });
    }
  });

  it('ensures the declared schedules when the worker starts', async () => {
    const taskQueue = unique('it-temporal');
    const scheduleId = unique('it-module-schedule');
    const app = await startApp({
      taskQueue,
      schedules: [
        {
          scheduleId,
          spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 2 }] },
          action: { type: 'startWorkflow', workflowType: 'greetingWorkflow', taskQueue, args: ['yearly'], workflowId: `${scheduleId}-run` },
        },
      ],
    });
    const client = app.get(Client);
    try {
      const description = await client.schedule.getHandle(scheduleId).describe();
      expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'greetingWorkflow', taskQueue });
    } finally {
      await client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined);
      await app.close();
    }
  });

  it('RUN_WORKER=false serves a Client without a worker', async () => {
    const app = await startApp({ taskQueue: unique('it-temporal'), runWorker: false });
    try {
      expect(app.get(TemporalWorkerService).status).toBe('disabled');
      expect(app.get(ReadinessRegistry).names()).toEqual(['temporal']);
      await expect(app.get(Client).workflowService.getSystemInfo({})).resolves.toBeDefined();
    } finally {
      await app.close();
    }
  });

  it('an update answers through the bounded client when its worker runs', async () => {
    const taskQueue = unique('it-temporal');
    const app = await startApp({ taskQueue, callTimeouts: { updateMs: 20_000 } });
    try {
      const handle = await app.get(Client).workflow.start('counterWorkflow', { taskQueue, workflowId: unique('counter') });
      await expect(handle.executeUpdate(addUpdate, { args: [5] })).resolves.toBe(5);
      await expect(handle.query(totalQuery)).resolves.toBe(5);
      await handle.terminate('test done');
    } finally {
      await app.close();
    }
  });

  it('an update or query to a workflow without a worker gives up at its deadline with 503 DEPENDENCY_UNAVAILABLE (no hang)', async () => {
    const taskQueue = unique('it-temporal-no-worker');
    const app = await startApp({ taskQueue, runWorker: false, callTimeouts: { updateMs: 1_500, queryMs: 1_500 } });
    const handle = await app.get(Client).workflow.start('counterWorkflow', { taskQueue, workflowId: unique('counter') });
    try {
      const started = Date.now();
      const refused = await handle.executeUpdate(addUpdate, { args: [5] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
      expect((refused as Error).message).toMatch(/update add of workflow counter-.* within 1500 ms/);
      expect(Date.now() - started).toBeLessThan(6_000);
      const queried = Date.now();
      await expect(handle.query(totalQuery)).rejects.toThrow();
      expect(Date.now() - queried).toBeLessThan(6_000);
    } finally {
      await handle.terminate('test done');
      await app.close();
    }
  });

  it('fails start-up loudly when the worker cannot be created', async () => {
    await expect(
      startApp({ taskQueue: unique('it-temporal'), workflows: { workflowsPath: '/nonexistent/workflows.ts' } }),
    ).rejects.toThrow();
  });
});

describe('ensureSchedules and search attributes (Temporal dev server)', () => {
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('creates a schedule once, then updates it to the declared spec instead of failing', async () => {
    const scheduleId = unique('it-schedule');
    const declare = (hour: number): ScheduleDeclaration => ({
      scheduleId,
      spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'greetingWorkflow',
        taskQueue: unique('it-temporal'),
        args: ['schedule'],
        workflowId: `${scheduleId}-run`,
      },
    });
    try {
      await expect(ensureSchedules(client, [declare(3)])).resolves.toEqual([{ scheduleId, outcome: 'created' }]);
      await expect(ensureSchedules(client, [declare(4)])).resolves.toEqual([{ scheduleId, outcome: 'updated' }]);
      await expect(ensureSchedules(client, [declare(4)])).resolves.toEqual([{ scheduleId, outcome: 'updated' }]);
      const description = await client.schedule.getHandle(scheduleId).describe();
      expect(description.spec.calendars?.[0]?.hour).toEqual([{ start: 4, end: 4, step: 1 }]);
    } finally {
      await client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined);
    }
  });

  it('the stack has the CWP search attributes (ensureSearchAttributes adds none twice)', async () => {
    await ensureSearchAttributes(connection, process.env.TEMPORAL_NAMESPACE ?? 'default');
    await expect(ensureSearchAttributes(connection, process.env.TEMPORAL_NAMESPACE ?? 'default')).resolves.toEqual([]);
    const listed = await connection.operatorService.listSearchAttributes({ namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    for (const key of Object.values(CWP_SEARCH_ATTRIBUTES)) expect(Object.keys(listed.customAttributes ?? {})).toContain(key.name);
  });
});
