/**
 * The entry workflow on Temporal's time-skipping test server (real server, real worker; the
 * activities are recording doubles, the normal workflow-test pattern). Two years pass in seconds.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv, bundleWorkflowsFromSources } from '@cwp/test-support';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  entryJoinedSignal,
  entryStateQuery,
  entryWithdrawnSignal,
  rescheduleExpiryUpdate,
  talentPoolEntryWorkflowId,
  type TalentPoolEntryWorkflowInput,
} from '@cwp/contracts';
import type { ExpireEntryResult, TalentPoolEntryActivities } from './activities';

const DAY = 24 * 60 * 60 * 1000;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  env = await createTimeSkippingEnv();
  bundle = await bundleWorkflowsFromSources(path.join(__dirname, 'index.ts'));
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

interface Call {
  name: 'sendExpiryReminder' | 'expireEntry';
  entryId: string;
  /** Server time at which Temporal scheduled the activity. */
  at: number;
}

/** Recording activity doubles; `expireAs` simulates the row state the real activity would find. */
function recordingActivities(
  calls: Call[],
  expireAs: ExpireEntryResult = { changed: true, status: 'expired', endedOn: null },
): TalentPoolEntryActivities {
  const at = (): number => Context.current().info.scheduledTimestampMs;
  return {
    async sendExpiryReminder({ entryId }) {
      calls.push({ name: 'sendExpiryReminder', entryId, at: at() });
      return { sent: true };
    },
    async expireEntry({ entryId }) {
      calls.push({ name: 'expireEntry', entryId, at: at() });
      return expireAs;
    },
  };
}

async function withWorker<T>(activities: TalentPoolEntryActivities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `tp-wf-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  return worker.runUntil(fn(taskQueue));
}

async function entryInput(months: number, reminderDays = 30): Promise<TalentPoolEntryWorkflowInput> {
  const now = await env.currentTimeMs();
  const expiresAt = new Date(now + Math.round((months / 12) * 365) * DAY);
  return {
    entryId: randomUUID(),
    holdingUnit: '310104003',
    registeredOn: new Date(now).toISOString().slice(0, 10),
    expiresOn: expiresAt.toISOString().slice(0, 10),
    expiresAt: expiresAt.toISOString(),
    reminderDays,
  };
}

function start(taskQueue: string, input: TalentPoolEntryWorkflowInput) {
  return env.client.workflow.start('talentPoolEntryWorkflow', {
    taskQueue,
    workflowId: talentPoolEntryWorkflowId(input.entryId),
    args: [input],
  });
}

describe('talent-pool entry workflow (POOL-2, POOL-3)', () => {
  it('POOL-2 a 2-year entry is reminded, then expired by the timer in seconds of test time', async () => {
    const calls: Call[] = [];
    const input = await entryInput(24, 30);
    const outcome = await withWorker(recordingActivities(calls), async (taskQueue) => (await start(taskQueue, input)).result());

    expect(outcome).toEqual({ status: 'expired', endedBy: 'timer', changedByWorkflow: true, endedOn: null });
    expect(calls.map((c) => c.name)).toEqual(['sendExpiryReminder', 'expireEntry']);
    expect(calls.every((c) => c.entryId === input.entryId)).toBe(true);
    const expiresAt = Date.parse(input.expiresAt);
    expect(calls[1]!.at).toBeGreaterThanOrEqual(expiresAt);
    expect(calls[1]!.at - expiresAt).toBeLessThan(60_000);
  });

  it('POOL-2 the reminder fires reminderDays before expiry, not earlier', async () => {
    const calls: Call[] = [];
    const input = await entryInput(12, 45);
    await withWorker(recordingActivities(calls), async (taskQueue) => {
      const handle = await start(taskQueue, input);
      const remindAt = Date.parse(input.expiresAt) - 45 * DAY;

      await env.sleep(remindAt - (await env.currentTimeMs()) - DAY);
      expect(calls).toEqual([]);
      expect(await handle.query(entryStateQuery)).toMatchObject({ phase: 'waiting-for-reminder', reminderSent: false });

      await env.sleep(2 * DAY);
      expect(calls.map((c) => c.name)).toEqual(['sendExpiryReminder']);
      expect(Math.abs(calls[0]!.at - remindAt)).toBeLessThan(60_000);
      expect(await handle.query(entryStateQuery)).toMatchObject({ phase: 'waiting-for-expiry', reminderSent: true, outcome: null });

      await handle.signal(entryWithdrawnSignal, { withdrawnOn: '2027-01-01' });
      await handle.result();
    });
  });

  it('POOL-3 joining before expiry wins: the workflow ends joined and never expires the entry', async () => {
    const calls: Call[] = [];
    const input = await entryInput(24);
    const outcome = await withWorker(recordingActivities(calls), async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await env.sleep(100 * DAY);
      await handle.signal(entryJoinedSignal, { joinedOn: '2027-03-04' });
      // A second ending signal changes nothing: the first one wins.
      await handle.signal(entryWithdrawnSignal, { withdrawnOn: '2027-03-05' });
      return handle.result();
    });

    expect(outcome).toEqual({ status: 'joined', endedBy: 'signal', changedByWorkflow: false, endedOn: '2027-03-04' });
    expect(calls).toEqual([]);
  });

  it('withdrawal ends the workflow withdrawn, without expiring the entry', async () => {
    const calls: Call[] = [];
    const input = await entryInput(18);
    const outcome = await withWorker(recordingActivities(calls), async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await env.sleep(10 * DAY);
      await handle.signal(entryWithdrawnSignal, { withdrawnOn: '2026-12-05' });
      return handle.result();
    });

    expect(outcome).toMatchObject({ status: 'withdrawn', endedBy: 'signal', endedOn: '2026-12-05' });
    expect(calls.map((c) => c.name)).not.toContain('expireEntry');
  });

  it('POOL-3 a lost join signal: the expire activity finds the row joined and the workflow reports it', async () => {
    const calls: Call[] = [];
    const input = await entryInput(12);
    const outcome = await withWorker(
      recordingActivities(calls, { changed: false, status: 'joined', endedOn: '2027-02-01' }),
      async (taskQueue) => (await start(taskQueue, input)).result(),
    );
    expect(outcome).toEqual({ status: 'joined', endedBy: 'timer', changedByWorkflow: false, endedOn: '2027-02-01' });
  });

  it('a duplicate start with the same business-key workflow id is refused', async () => {
    const input = await entryInput(12);
    await withWorker(recordingActivities([]), async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await expect(start(taskQueue, input)).rejects.toThrow(/already started/i);
      await handle.signal(entryWithdrawnSignal, { withdrawnOn: '2026-12-01' });
      await handle.result();
    });
  });

  it('POOL-2 rescheduling the end moves the timer (and a new reminder), rejected once ended', async () => {
    const calls: Call[] = [];
    const input = await entryInput(12, 30);
    await withWorker(recordingActivities(calls), async (taskQueue) => {
      const handle = await start(taskQueue, input);
      const later = new Date(Date.parse(input.expiresAt) + 180 * DAY);
      const state = await handle.executeUpdate(rescheduleExpiryUpdate, {
        args: [{ expiresOn: later.toISOString().slice(0, 10), expiresAt: later.toISOString() }],
      });
      expect(state.expiresAt).toBe(later.toISOString());
      const outcome = await handle.result();
      expect(outcome.status).toBe('expired');
      expect(calls.map((c) => c.name)).toEqual(['sendExpiryReminder', 'expireEntry']);
      expect(calls[1]!.at).toBeGreaterThanOrEqual(later.getTime());
      await expect(
        handle.executeUpdate(rescheduleExpiryUpdate, { args: [{ expiresOn: '2030-01-01', expiresAt: '2030-01-01T00:00:00+08:00' }] }),
      ).rejects.toThrow();
    });
  });
});
