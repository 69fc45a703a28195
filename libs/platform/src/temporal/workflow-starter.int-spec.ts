/**
 * Commit-then-start against the real Temporal dev server of this stack, including an outage:
 * the server is stopped and started again with `stack.sh stop-temporal|start-temporal` (issue 8,
 * defect 7). A write never waits on Temporal beyond the start deadline (and not at all once the
 * outage is known); /ready sees Temporal back within seconds; the reconciler starts what the
 * outage left unstarted as soon as Temporal is reachable, without waiting for its sweep.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { createTestDataSource, eventually, type TestDataSource } from '../testing';
import { ReadinessRegistry } from '../health';
import type { CommittedWorkflow } from './committed-workflow';
import { PlatformTemporalModule } from './temporal.module';
import { WorkflowReconciler } from './workflow-reconciler';
import { WorkflowStarter } from './workflow-starter';

jest.setTimeout(180_000);

const execFileAsync = promisify(execFile);
const STACK = path.resolve(__dirname, '../../../../infra/local/stack.sh');
const START_TIMEOUT_MS = 1_500;

interface JobRow {
  id: string;
}

let ds: TestDataSource;
const taskQueue = `it-commit-start-${randomBytes(4).toString('hex')}`;
const workflowIdOf = (id: string) => `it-commit-start-${id}`;

/** A feature's committed workflow, as a service writes it: rows in its table, ids in the input. */
@Injectable()
class JobWorkflow implements CommittedWorkflow<JobRow>, OnModuleInit {
  readonly name = 'it-job';
  constructor(private readonly reconciler: WorkflowReconciler) {}
  onModuleInit(): void {
    this.reconciler.register(this);
  }
  startOf(row: JobRow) {
    // No worker polls this queue: the workflow stays RUNNING, which is all these tests look at.
    return { workflowType: 'itJobWorkflow', workflowId: workflowIdOf(row.id), args: [{ jobId: row.id }] };
  }
  async unstarted(limit: number): Promise<JobRow[]> {
    return (await ds.query('SELECT id FROM jobs WHERE workflow_started_at IS NULL ORDER BY created_at LIMIT $1', [limit])) as JobRow[];
  }
  async markStarted(row: JobRow): Promise<void> {
    await ds.query('UPDATE jobs SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL', [row.id]);
  }
}

@Global()
@Module({ providers: [ReadinessRegistry], exports: [ReadinessRegistry] })
class TestHealthModule {}

async function startApp(): Promise<TestingModule> {
  const app = await Test.createTestingModule({
    imports: [
      TestHealthModule,
      PlatformTemporalModule.forService({
        taskQueue,
        workflows: { workflowsPath: require.resolve('./test-fixtures/greeting.workflow') },
        activities: () => ({}),
        runWorker: false,
        // Sweep off: whatever starts after the outage was started by the reachability wake-up.
        workflowStart: { startTimeoutMs: START_TIMEOUT_MS, probeIntervalMs: 500, sweepSeconds: 0 },
      }),
    ],
    providers: [JobWorkflow],
  }).compile();
  await app.init();
  return app;
}

async function commitJob(): Promise<JobRow> {
  const id = randomUUID();
  await ds.query('INSERT INTO jobs (id) VALUES ($1)', [id]);
  return { id };
}

async function startedAt(id: string): Promise<Date | null> {
  const [row] = (await ds.query('SELECT workflow_started_at FROM jobs WHERE id = $1', [id])) as Array<{ workflow_started_at: Date | null }>;
  return row!.workflow_started_at;
}

async function stack(command: 'stop-temporal' | 'start-temporal'): Promise<void> {
  await execFileAsync('bash', [STACK, command], { env: process.env, timeout: 120_000 });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

beforeAll(async () => {
  ds = await createTestDataSource({ schemaPrefix: 'commit_start_it' });
  await ds.query(
    'CREATE TABLE jobs (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), workflow_started_at timestamptz)',
  );
});

afterAll(async () => {
  // Whatever happened above, leave the stack's Temporal running for the next spec.
  await stack('start-temporal').catch(() => undefined);
  await ds?.destroy();
});

describe('WorkflowStarter and WorkflowReconciler (Temporal dev server)', () => {
  let app: TestingModule | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('starts a committed row at boot, starts and records after a commit, and counts a second start as started', async () => {
    const beforeBoot = await commitJob();
    app = await startApp();
    const reconciler = app.get(WorkflowReconciler);
    await reconciler.idle();
    expect(await startedAt(beforeBoot.id)).not.toBeNull();

    const starter = app.get(WorkflowStarter);
    const job = await commitJob();
    expect(await starter.startAfterCommit(app.get(JobWorkflow), job)).toBe(true);
    expect(await startedAt(job.id)).not.toBeNull();
    const client = app.get(Client);
    expect((await client.workflow.getHandle(workflowIdOf(job.id)).describe()).status.name).toBe('RUNNING');
    expect(await starter.start(app.get(JobWorkflow).startOf(job))).toBe('already-started');
    expect(await reconciler.reconcile()).toBe(0);
    await Promise.all([beforeBoot, job].map((j) => client.workflow.getHandle(workflowIdOf(j.id)).terminate('test done')));
  });

  it('Temporal down: writes answer without waiting, /ready says down; back: /ready up and the missed starts run within seconds', async () => {
    if (process.env.EXTERNAL_TEMPORAL_ADDRESS) return; // not our server to stop
    app = await startApp();
    const starter = app.get(WorkflowStarter);
    const workflow = app.get(JobWorkflow);
    const readiness = app.get(ReadinessRegistry);

    await stack('stop-temporal');
    const first = await timed(async () => starter.startAfterCommit(workflow, await commitJob()));
    expect(first.value).toBe(false);
    expect(first.ms).toBeLessThan(START_TIMEOUT_MS + 1_000);
    const missed: JobRow[] = [];
    const later: number[] = [];
    for (let i = 0; i < 5; i++) {
      const job = await commitJob();
      missed.push(job);
      const attempt = await timed(() => starter.startAfterCommit(workflow, job));
      expect(attempt.value).toBe(false);
      later.push(attempt.ms);
    }
    // Known outage: no network call at all.
    expect(Math.max(...later)).toBeLessThan(200);
    const down = await readiness.runAll(5_000);
    expect(down.find((c) => c.name === 'temporal')?.status).toBe('down');
    expect(await startedAt(missed[0]!.id)).toBeNull();

    await stack('start-temporal');
    const back = Date.now();
    const ready = await eventually(
      async () => ((await readiness.runAll(5_000)).find((c) => c.name === 'temporal')?.status === 'up' ? Date.now() : undefined),
      30_000,
      '/ready to see Temporal',
    );
    await eventually(
      async () => ((await Promise.all(missed.map((j) => startedAt(j.id)))).every(Boolean) ? true : undefined),
      30_000,
      'the missed starts',
    );
    const started = Date.now();
    console.warn(`Temporal back: /ready up after ${ready - back} ms, missed starts all recorded after ${started - back} ms`);
    expect(ready - back).toBeLessThan(5_000);
    expect(started - back).toBeLessThan(10_000);

    const client = app.get(Client);
    for (const job of missed) {
      const handle = client.workflow.getHandle(workflowIdOf(job.id));
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('test done').catch((error: unknown) => {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      });
    }
  });
});
