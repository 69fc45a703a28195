/**
 * The development plan (TRAIN-2) on Temporal's time-skipping test server (real server, real
 * worker; the activities are recording doubles whose answers the test sets). Three and seven
 * years pass in seconds; the plan's history stays small (timers, one continueAsNew).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DEVELOPMENT_PLAN_WORKFLOW_TYPE,
  developmentPlanStateQuery,
  developmentPlanWorkflowId,
  planTransferredSignal,
  planWorkerExitedSignal,
  type DevelopmentPlanInput,
  type DevelopmentPlanOutcome,
} from '@cwp/contracts';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import type { DevelopmentPlanActivities } from './activities';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

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

interface Recorder {
  reminders: { round: number; dueBy: string }[];
  milestones: { milestone: string; on: string }[];
  closed: string[];
}

/** `done`: the four ones the worker has done by now (the activity reads it like it reads the rows). */
function recording(done: () => number): { rec: Recorder; activities: DevelopmentPlanActivities } {
  const all = ['study-visit', 'secondment', 'research-topic', 'innovation-project'];
  const rec: Recorder = { reminders: [], milestones: [], closed: [] };
  const activities: DevelopmentPlanActivities = {
    async remindFourOnes({ round, dueBy }) {
      const missing = all.slice(done());
      if (missing.length && !rec.reminders.some((r) => r.round === round)) rec.reminders.push({ round, dueBy });
      return { missing };
    },
    async recordMilestone({ milestone, on }) {
      if (!rec.milestones.some((m) => m.milestone === milestone)) rec.milestones.push({ milestone, on });
      const missing = all.slice(done());
      return { met: missing.length === 0, missing };
    },
    async closePlan({ reason }) {
      rec.closed.push(reason);
    },
  };
  return { rec, activities };
}

async function withPlan<T>(
  done: () => number,
  fn: (workflowId: string, rec: Recorder, input: DevelopmentPlanInput) => Promise<T>,
): Promise<T> {
  const { rec, activities } = recording(done);
  const taskQueue = `train-plan-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  const workerId = randomUUID();
  const hiredOn = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
  const input: DevelopmentPlanInput = {
    workerId,
    unitCode: '310101002001',
    hiredOn,
    qualifiedAfterYears: 3,
    matureAfterYears: 7,
    reminderDaysBeforeDue: 90,
  };
  return worker.runUntil(async () => {
    await env.client.workflow.start(DEVELOPMENT_PLAN_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: developmentPlanWorkflowId(workerId),
      args: [input],
    });
    return fn(developmentPlanWorkflowId(workerId), rec, input);
  });
}

const result = (workflowId: string): Promise<DevelopmentPlanOutcome> => env.client.workflow.getHandle(workflowId).result();
const addYearsIso = (iso: string, years: number): string => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

describe('development plan (TRAIN-2)', () => {
  it('TRAIN-2 all four ones done in year two: no reminder after, qualified at 3 years, mature at 7, completed', async () => {
    let done = 0;
    await withPlan(
      () => done,
      async (workflowId, rec, input) => {
        await env.sleep(YEAR + DAY); // first anniversary: reminded of all four
        expect(rec.reminders.map((r) => r.round)).toEqual([1]);
        done = 4;
        const outcome = await result(workflowId); // time skips to seven years
        expect(outcome).toEqual({ workerId: input.workerId, qualified: true, mature: true, ended: 'completed' });
        expect(rec.reminders.map((r) => r.round)).toEqual([1]);
        expect(rec.milestones).toEqual([
          { milestone: 'qualified', on: addYearsIso(input.hiredOn, 3) },
          { milestone: 'mature', on: addYearsIso(input.hiredOn, 7) },
        ]);
        expect(rec.closed).toEqual(['completed']);
        // One continueAsNew: the maturing run's history holds a timer and two activities.
        const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
        expect(history.events!.length).toBeLessThan(30);
      },
    );
  });

  it('TRAIN-2 an incomplete plan: three reminders (two anniversaries and 90 days before), not qualified at 3 years, not mature at 7', async () => {
    await withPlan(
      () => 2,
      async (workflowId, rec, input) => {
        const outcome = await result(workflowId);
        expect(outcome).toMatchObject({ qualified: false, mature: false, ended: 'completed' });
        expect(rec.reminders).toEqual([1, 2, 3].map((round) => ({ round, dueBy: addYearsIso(input.hiredOn, 3) })));
        expect(rec.milestones.map((m) => m.milestone)).toEqual(['qualified', 'mature']);
      },
    );
  });

  it('TRAIN-2 a transfer keeps the plan (its unit follows); the exit in year five ends it before maturity', async () => {
    await withPlan(
      () => 4,
      async (workflowId, rec) => {
        const handle = env.client.workflow.getHandle(workflowId);
        await env.sleep(2 * YEAR);
        await handle.signal(planTransferredSignal, { unitCode: '310104003' });
        expect(await handle.query(developmentPlanStateQuery)).toMatchObject({ unitCode: '310104003', phase: 'becoming-qualified' });
        await env.sleep(3 * YEAR); // past the qualified check, into the maturing run
        expect(rec.milestones.map((m) => m.milestone)).toEqual(['qualified']);
        expect(await handle.query(developmentPlanStateQuery)).toMatchObject({ unitCode: '310104003', phase: 'maturing', qualified: true });
        await handle.signal(planWorkerExitedSignal, { exitedOn: '2031-06-30' });
        expect(await result(workflowId)).toMatchObject({ qualified: true, mature: null, ended: 'exited' });
        expect(rec.milestones.map((m) => m.milestone)).toEqual(['qualified']);
        expect(rec.closed).toEqual(['exited']);
      },
    );
  });

  it('TRAIN-2 a worker who leaves in the first year gets no milestone at all', async () => {
    await withPlan(
      () => 0,
      async (workflowId, rec) => {
        await env.sleep(100 * DAY);
        await env.client.workflow.getHandle(workflowId).signal(planWorkerExitedSignal, { exitedOn: '2026-09-01' });
        expect(await result(workflowId)).toMatchObject({ qualified: null, mature: null, ended: 'exited' });
        expect(rec.reminders).toEqual([]);
        expect(rec.milestones).toEqual([]);
      },
    );
  });
});
