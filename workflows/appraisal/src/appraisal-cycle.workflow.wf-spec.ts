/**
 * The yearly appraisal cycle of a unit (APPR-1..4, APPR-2 calibration) on Temporal's time-skipping
 * test server (real server, real worker; the activities are recording doubles). Each phase is
 * observed through the state query: targets until the window opens, rating (reminder before the
 * deadline), closing, calibrating (publish refused until the units are within the limit),
 * publishing, published; the window closes on its deadline or on the operator's close.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import {
  APPRAISAL_CYCLE_WORKFLOW_TYPE,
  appraisalCycleStateQuery,
  appraisalCycleWorkflowId,
  closeRatingUpdate,
  publishCycleUpdate,
  type AppraisalCycleInput,
  type AppraisalCycleState,
  type CyclePhase,
} from '@cwp/contracts';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import type { AppraisalCycleActivities } from './activities';

const DAY = 24 * 60 * 60 * 1000;
const STREET = '310104003';
const operator = { sub: 'street-op', role: 'street', unit: STREET };

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

/** A promise the test resolves: holds an activity so the phase it runs in can be observed. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

interface Recorder {
  opened: string[];
  reminded: string[];
  closed: { cycleId: string; closedBy: string }[];
  calibrationChecks: number;
  published: string[];
}

interface Doubles {
  /** Units the close reports over the calibration limit (APPR-2). */
  overLimit?: string[];
  /** Held until opened, when given. */
  closeGate?: Promise<void>;
  publishGate?: Promise<void>;
  /** Whether checkCalibration passes (read at each call). */
  calibrated?: () => boolean;
}

function recordingActivities(d: Doubles): { rec: Recorder; activities: AppraisalCycleActivities } {
  const rec: Recorder = { opened: [], reminded: [], closed: [], calibrationChecks: 0, published: [] };
  const activities: AppraisalCycleActivities = {
    async openRating({ cycleId }) {
      rec.opened.push(cycleId);
    },
    async remindRaters({ cycleId }) {
      rec.reminded.push(cycleId);
      return { workersMissingRatings: 3 };
    },
    async closeCycle({ cycleId, closedBy }) {
      rec.closed.push({ cycleId, closedBy });
      await d.closeGate;
      return { results: 12, unitsOverLimit: d.overLimit ?? [] };
    },
    async checkCalibration() {
      rec.calibrationChecks++;
      // As the service's activity does: a DomainError of a non-retryable code (422 APPR-2).
      if (!(d.calibrated?.() ?? true))
        throw ApplicationFailure.create({ type: 'BUSINESS_RULE_VIOLATED', message: 'Calibrate first', nonRetryable: true });
    },
    async publishResults({ cycleId }) {
      await d.publishGate;
      rec.published.push(cycleId);
      return { published: 12 };
    },
  };
  return { rec, activities };
}

type Handle = WorkflowHandle;

/** Runs one cycle workflow whose window opens and closes at these offsets (days) from the server's now. */
async function withCycle<T>(
  window: { opensInDays: number; closesInDays: number; reminderDays: number },
  doubles: Doubles,
  fn: (h: Handle, rec: Recorder, input: AppraisalCycleInput) => Promise<T>,
): Promise<T> {
  const { rec, activities } = recordingActivities(doubles);
  const taskQueue = `appr-cycle-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  const now = await env.currentTimeMs();
  const year = 2000 + Math.floor(Math.random() * 900);
  const input: AppraisalCycleInput = {
    cycleId: randomUUID(),
    unitCode: STREET,
    year,
    ratingOpensAt: new Date(now + window.opensInDays * DAY).toISOString(),
    ratingClosesAt: new Date(now + window.closesInDays * DAY).toISOString(),
    reminderDays: window.reminderDays,
  };
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(APPRAISAL_CYCLE_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: appraisalCycleWorkflowId(STREET, year),
      args: [input],
    });
    return fn(handle, rec, input);
  });
}

async function state(h: Handle): Promise<AppraisalCycleState> {
  return h.query(appraisalCycleStateQuery);
}

/** Waits (real time, no timer skipped) until the workflow's state satisfies `done`. */
async function stateWhen(h: Handle, done: (s: AppraisalCycleState) => boolean, what: string): Promise<AppraisalCycleState> {
  let last: AppraisalCycleState | undefined;
  for (let i = 0; i < 400; i++) {
    last = await state(h);
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`cycle never reached ${what}: ${JSON.stringify(last)}`);
}

const inPhase = (phase: CyclePhase) => (s: AppraisalCycleState) => s.phase === phase;
const close = (h: Handle) => h.executeUpdate(closeRatingUpdate, { args: [{ closedBy: operator }] });
const publish = (h: Handle) => h.executeUpdate(publishCycleUpdate, { args: [{ publishedBy: operator }] });

describe('appraisal cycle workflow (APPR-1..4, APPR-2)', () => {
  it('APPR-4 targets until the window opens; APPR-3 raters reminded before the deadline; the deadline closes, results published', async () => {
    const closing = gate();
    const publishing = gate();
    await withCycle(
      { opensInDays: 10, closesInDays: 40, reminderDays: 7 },
      { closeGate: closing.wait, publishGate: publishing.wait },
      async (h, rec, input) => {
        try {
          expect(await stateWhen(h, inPhase('targets'), 'targets')).toMatchObject({
            cycleId: input.cycleId,
            remindersSent: 0,
            closedBy: null,
          });
          // Before the window opens the operator cannot close it, nor publish.
          await expect(close(h)).rejects.toThrow();
          await expect(publish(h)).rejects.toThrow();

          await env.sleep(10 * DAY - 60_000);
          expect((await state(h)).phase).toBe('targets');
          expect(rec.opened).toEqual([]);
          await env.sleep(2 * 60_000);
          await stateWhen(h, (s) => s.phase === 'rating' && rec.opened.length === 1, 'rating');
          expect(rec.opened).toEqual([input.cycleId]);

          // Reminder 7 days before the close (day 33): not at day 32, then once.
          await env.sleep(22 * DAY);
          expect(rec.reminded).toEqual([]);
          await env.sleep(2 * DAY);
          const reminded = await stateWhen(h, (s) => s.remindersSent === 1, 'the reminder');
          expect(reminded).toMatchObject({ phase: 'rating', closedBy: null });
          expect(rec.reminded).toEqual([input.cycleId]);
          expect(rec.closed).toEqual([]);

          // The deadline (day 40) closes the window by itself. Skipped time stops 5 s after it, well
          // inside the held close activity's heartbeat timeout (1 minute).
          await env.sleep(6 * DAY - 55_000);
          const closingState = await stateWhen(h, inPhase('closing'), 'closing');
          expect(closingState.closedBy).toBe('deadline');
          expect(rec.closed).toEqual([{ cycleId: input.cycleId, closedBy: 'deadline' }]);
          // While closing, neither a second close nor a publish is accepted.
          await expect(close(h)).rejects.toThrow();
          await expect(publish(h)).rejects.toThrow();
          closing.open();

          // No unit over the limit: no calibration, published at once.
          await stateWhen(h, inPhase('publishing'), 'publishing');
          expect(rec.calibrationChecks).toBe(0);
          publishing.open();
          expect(await h.result()).toEqual({
            cycleId: input.cycleId,
            phase: 'published',
            remindersSent: 1,
            closedBy: 'deadline',
            unitsOverLimit: [],
            published: 12,
          });
          expect(rec.published).toEqual([input.cycleId]);
        } finally {
          // A failed expectation must not leave an activity held: the worker could not shut down.
          closing.open();
          publishing.open();
        }
      },
    );
  });

  it("APPR-2 the operator's early close skips the reminder; a unit over the limit waits for calibration, publish is refused until it is within", async () => {
    let calibrated = false;
    await withCycle(
      { opensInDays: -1, closesInDays: 30, reminderDays: 7 },
      { overLimit: [STREET], calibrated: () => calibrated },
      async (h, rec, input) => {
        // A window that opened in the past is open at once.
        await stateWhen(h, (s) => s.phase === 'rating' && rec.opened.length === 1, 'rating');
        await env.sleep(5 * DAY);
        const closed = await close(h);
        expect(closed.closedBy).toBe('operator');
        await expect(close(h)).rejects.toThrow();

        const calibrating = await stateWhen(h, inPhase('calibrating'), 'calibrating');
        expect(calibrating).toMatchObject({ closedBy: 'operator', unitsOverLimit: [STREET], remindersSent: 0 });
        expect(rec.closed).toEqual([{ cycleId: input.cycleId, closedBy: 'operator' }]);

        // The calibration wait has no deadline: the reminder's and the window's dates pass, nothing happens.
        await env.sleep(40 * DAY);
        expect(await state(h)).toMatchObject({ phase: 'calibrating', remindersSent: 0, unitsOverLimit: [STREET] });
        expect(rec.reminded).toEqual([]);

        // Still over the limit: the publish update fails and changes nothing.
        await expect(publish(h)).rejects.toThrow();
        expect(rec.calibrationChecks).toBe(1);
        expect(await state(h)).toMatchObject({ phase: 'calibrating', unitsOverLimit: [STREET] });
        expect(rec.published).toEqual([]);

        // Calibrated (grades moved through the API): publish goes through, once.
        calibrated = true;
        expect((await publish(h)).unitsOverLimit).toEqual([]);
        await expect(publish(h)).rejects.toThrow();
        expect(await h.result()).toMatchObject({ phase: 'published', closedBy: 'operator', remindersSent: 0, published: 12 });
        expect(rec.calibrationChecks).toBe(2);
        expect(rec.published).toEqual([input.cycleId]);
      },
    );
  });

  it('a window opened after its reminder date sends no reminder and closes on its deadline', async () => {
    await withCycle({ opensInDays: -30, closesInDays: 2, reminderDays: 7 }, {}, async (h, rec, input) => {
      expect(await h.result()).toMatchObject({ phase: 'published', closedBy: 'deadline', remindersSent: 0 });
      expect(rec.opened).toEqual([input.cycleId]);
      expect(rec.reminded).toEqual([]);
      expect(rec.closed).toEqual([{ cycleId: input.cycleId, closedBy: 'deadline' }]);
    });
  });
});
