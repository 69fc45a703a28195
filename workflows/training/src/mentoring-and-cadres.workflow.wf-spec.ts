/**
 * The mentoring reminders (TRAIN-9) and the reserve cadres' yearly review (REC-8) on Temporal's
 * time-skipping test server (real server, real worker; the activities are recording doubles whose
 * answers the test sets). A year of check-ins and several years of reviews pass in seconds.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  MENTORSHIP_WORKFLOW_TYPE,
  RESERVE_CADRE_WORKFLOW_TYPE,
  mentorshipWorkflowId,
  reserveCadreEndedSignal,
  reserveCadreWorkflowId,
  type MentorshipInput,
  type MentorshipOutcome,
  type ReserveCadreInput,
  type ReserveCadreOutcome,
} from '@cwp/contracts';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import type { MentorshipActivities, ReserveCadreActivities } from './activities';

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

const today = async (): Promise<string> => new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
const plusDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

async function run<A extends object, T>(activities: A, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `train-timers-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  return worker.runUntil(fn(taskQueue));
}

describe('mentoring reminders (TRAIN-9)', () => {
  it('TRAIN-9 a pair checking in monthly is never reminded; a silent quarter is reminded once a period; the plan closes on its last day', async () => {
    const startsOn = await today();
    // Check-ins on days 20 and 45, then silence until the end (day 180) with a 30-day period.
    const checkins = [plusDays(startsOn, 20), plusDays(startsOn, 45)];
    const reminded: { since: string; dueBy: string }[] = [];
    let closed = 0;
    const activities: MentorshipActivities = {
      async remindMentorship({ since, dueBy }) {
        const last = checkins.filter((c) => c <= dueBy).at(-1) ?? null;
        if (last !== null && last > since) return { reminded: false, lastCheckin: last };
        if (!reminded.some((r) => r.dueBy === dueBy)) reminded.push({ since, dueBy });
        return { reminded: true, lastCheckin: last };
      },
      async closeMentorship() {
        closed++;
        return { objectivesMet: 2 };
      },
    };
    const mentorshipId = randomUUID();
    const input: MentorshipInput = { mentorshipId, startsOn, endsOn: plusDays(startsOn, 180), checkinEveryDays: 30 };
    const outcome = await run(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start(MENTORSHIP_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: mentorshipWorkflowId(mentorshipId),
        args: [input],
      });
      return (await handle.result()) as MentorshipOutcome;
    });
    // Day 30: checked in on day 20 → next due day 50; day 50: checked in on 45 → due 75; silent from then: 75, 105, 135, 165.
    expect(reminded.map((r) => r.dueBy)).toEqual([75, 105, 135, 165].map((d) => plusDays(startsOn, d)));
    expect(outcome).toEqual({ mentorshipId, reminders: 4, objectivesMet: 2 });
    expect(closed).toBe(1);
  });
});

describe('reserve cadre yearly review (REC-8)', () => {
  const cadre = (reviews: Array<'confirmed' | 'removed' | 'exited'>) => {
    const opened: { round: number; dueOn: string }[] = [];
    const activities: ReserveCadreActivities = {
      async openCadreReview({ round, dueOn }) {
        if (!opened.some((o) => o.round === round)) opened.push({ round, dueOn });
        return { status: reviews[round - 1] ?? 'confirmed' };
      },
    };
    return { opened, activities };
  };

  const startCadre = (taskQueue: string, input: ReserveCadreInput) =>
    env.client.workflow.start(RESERVE_CADRE_WORKFLOW_TYPE, { taskQueue, workflowId: reserveCadreWorkflowId(input.cadreId), args: [input] });

  it('REC-8 a review opens on each anniversary of the confirmation; removed at the third, the timer ends', async () => {
    const { opened, activities } = cadre(['confirmed', 'confirmed', 'removed']);
    const cadreId = randomUUID();
    const confirmedOn = await today();
    const input: ReserveCadreInput = { cadreId, confirmedOn, reviewEveryYears: 1 };
    const outcome = await run(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start(RESERVE_CADRE_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: reserveCadreWorkflowId(cadreId),
        args: [input],
      });
      return (await handle.result()) as ReserveCadreOutcome;
    });
    expect(outcome).toEqual({ cadreId, reviewsOpened: 3, ended: 'removed' });
    const year = Number(confirmedOn.slice(0, 4));
    expect(opened.map((o) => o.dueOn.slice(0, 4))).toEqual([year + 1, year + 2, year + 3].map(String));
  });

  it('REC-8 the ended signal (removed at a review, the worker left) stops the timer before the next review', async () => {
    const { opened, activities } = cadre([]);
    const cadreId = randomUUID();
    const input: ReserveCadreInput = { cadreId, confirmedOn: await today(), reviewEveryYears: 1 };
    const outcome = await run(activities, async (taskQueue) => {
      const handle = await startCadre(taskQueue, input);
      await env.sleep(YEAR + 30 * DAY);
      expect(opened).toHaveLength(1);
      await handle.signal(reserveCadreEndedSignal, { reason: 'exited' });
      return (await handle.result()) as ReserveCadreOutcome;
    });
    expect(outcome).toEqual({ cadreId, reviewsOpened: 1, ended: 'exited' });
    expect(opened).toHaveLength(1);
  });

  it('REC-8 a worker who exits in the first year ends the candidacy at once: no review opened, the timer ends with the signal', async () => {
    const { opened, activities } = cadre([]);
    const cadreId = randomUUID();
    const input: ReserveCadreInput = { cadreId, confirmedOn: await today(), reviewEveryYears: 1 };
    const outcome = await run(activities, async (taskQueue) => {
      const handle = await startCadre(taskQueue, input);
      await env.sleep(90 * DAY);
      // What training does after the workforce exit event commits (CadresService.signalExited).
      await handle.signal(reserveCadreEndedSignal, { reason: 'exited' });
      return (await handle.result()) as ReserveCadreOutcome;
    });
    expect(outcome).toEqual({ cadreId, reviewsOpened: 0, ended: 'exited' });
    expect(opened).toEqual([]);
  });

  it('REC-8 a long reserve continues as new every ten reviews: each run keeps a small history', async () => {
    // Confirmed eight years ago with eight reviews behind it: reviews 9 and 10 end the run, 11 and 12 follow in the next.
    const { opened, activities } = cadre([...Array<'confirmed'>(11).fill('confirmed'), 'removed']);
    const cadreId = randomUUID();
    const now = await today();
    const input: ReserveCadreInput = {
      cadreId,
      confirmedOn: `${Number(now.slice(0, 4)) - 8}${now.slice(4)}`,
      reviewEveryYears: 1,
      reviewsOpened: 8,
    };
    const outcome = await run(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start(RESERVE_CADRE_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: reserveCadreWorkflowId(cadreId),
        args: [input],
      });
      const result = (await handle.result()) as ReserveCadreOutcome;
      // Reviews 9 and 10 ended the first run in continueAsNew; the latest run holds only reviews 11 and 12.
      const latest = env.client.workflow.getHandle(reserveCadreWorkflowId(cadreId));
      expect((await latest.describe()).runId).not.toBe(handle.firstExecutionRunId);
      expect((await latest.fetchHistory()).events!.length).toBeLessThan(40);
      return result;
    });
    expect(outcome).toEqual({ cadreId, reviewsOpened: 12, ended: 'removed' });
    expect(opened.map((o) => o.round)).toEqual([9, 10, 11, 12]);
  });
});
