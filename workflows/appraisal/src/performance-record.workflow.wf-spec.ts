/**
 * The per-worker performance record on Temporal's time-skipping test server (real server, real
 * worker; the activities are recording doubles). Three to five appraisal years pass in seconds;
 * each new year's grade continues the record as new (the `run` counter shows it).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import {
  exitNoticeDecisionUpdate,
  gradeSignal,
  performanceRecordStateQuery,
  performanceRecordWorkflowId,
  recordTaskDoneSignal,
  recordTransferredSignal,
  recordWorkerExitedSignal,
  type AppraisalGrade,
  type EntryRoute,
  type PerformanceRecordInput,
  type PerformanceRecordState,
} from '@cwp/contracts';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import type { OpenTaskInput, PerformanceRecordActivities, TriggerExitInput } from './activities';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;
const timings = { admonishmentDays: 30, escalationDays: 14, noticeDays: 20, appealDays: 15 };
const operator = { sub: 'street-op', role: 'street', unit: '310101002' };

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
  opened: OpenTaskInput[];
  reminded: string[];
  escalated: string[];
  cancelled: { taskId: string; reason: string }[];
  decided: { taskId: string; decision: string }[];
  exits: TriggerExitInput[];
}

function recordingActivities(): { rec: Recorder; activities: PerformanceRecordActivities } {
  const rec: Recorder = { opened: [], reminded: [], escalated: [], cancelled: [], decided: [], exits: [] };
  const activities: PerformanceRecordActivities = {
    async openTask(input) {
      if (!rec.opened.some((t) => t.taskId === input.taskId)) rec.opened.push(input);
    },
    async remindTask({ taskId }) {
      rec.reminded.push(taskId);
      return { reminded: true };
    },
    async escalateTask({ taskId }) {
      rec.escalated.push(taskId);
      return { escalated: true, escalatedTo: '310101' };
    },
    async cancelTask({ taskId, reason }) {
      rec.cancelled.push({ taskId, reason });
      return { cancelled: true };
    },
    async decideExitNotice({ taskId, decision }) {
      rec.decided.push({ taskId, decision });
    },
    async triggerExit(input) {
      rec.exits.push(input);
    },
  };
  return { rec, activities };
}

type Handle = WorkflowHandle;

async function withRecord<T>(entryRoute: EntryRoute, fn: (h: Handle, rec: Recorder) => Promise<T>): Promise<T> {
  const { rec, activities } = recordingActivities();
  const taskQueue = `appr-rec-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  const workerId = randomUUID();
  const input: PerformanceRecordInput = { workerId, unitCode: '310101002001', entryRoute, timings };
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('performanceRecordWorkflow', {
      taskQueue,
      workflowId: performanceRecordWorkflowId(workerId),
      args: [input],
    });
    return fn(handle, rec);
  });
}

/** One appraisal year passes; then the year's grade is published. */
async function yearGraded(h: Handle, year: number, grade: AppraisalGrade): Promise<void> {
  await env.sleep(YEAR);
  await h.signal(gradeSignal, { year, grade, reason: 'published' });
}

/** Waits (in skipped test time) until the recorded activity calls satisfy `done`. */
async function recWhen(rec: Recorder, done: (r: Recorder) => boolean): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (done(rec)) return;
    await env.sleep(60_000);
  }
  throw new Error(
    `activities never reached the expected calls: ${JSON.stringify({ ...rec, opened: rec.opened.map((t) => [t.kind, t.year]) })}`,
  );
}

async function state(h: Handle): Promise<PerformanceRecordState> {
  return env.client.workflow.getHandle(h.workflowId).query(performanceRecordStateQuery);
}

/** Waits (in skipped test time) until the record's state satisfies `done`; returns that state. */
async function stateWhen(h: Handle, done: (s: PerformanceRecordState) => boolean): Promise<PerformanceRecordState> {
  for (let i = 0; i < 100; i++) {
    // Time first: a query sent while the run is continuing as new waits on a run that is ending.
    await env.sleep(60_000);
    const now = await state(h);
    if (done(now)) return now;
  }
  throw new Error(`the record never reached the expected state: ${JSON.stringify(await state(h))}`);
}

const opened = (kind: string, year?: number) => (r: Recorder) =>
  r.opened.some((t) => t.kind === kind && (year === undefined || t.year === year));
const taskOf = (rec: Recorder, kind: string): OpenTaskInput => rec.opened.find((t) => t.kind === kind)!;

describe('performance record (APPR-5, EXIT-2, EXIT-3 cause 1)', () => {
  it('EXIT-3 cause 1: a recruited worker unqualified two years in a row gets an admonishment, then a notice the street confirms, then exit.triggered', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2024, 'qualified');
      await yearGraded(h, 2025, 'unqualified');
      await recWhen(rec, opened('admonishment-talk'));
      expect(rec.opened.map((t) => t.kind)).toEqual(['admonishment-talk']);
      expect(rec.opened[0]!.explanation.rules.map((r) => r.id)).toContain('APPR-5');
      await h.signal(recordTaskDoneSignal, { taskId: rec.opened[0]!.taskId });

      await yearGraded(h, 2026, 'unqualified');
      await recWhen(rec, opened('exit-notice'));
      expect((await state(h)).run).toBe(3);
      const notice = taskOf(rec, 'exit-notice');
      expect(notice.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['APPR-5', 'ORG-3', 'EXIT-3']));
      expect(rec.exits).toEqual([]);

      await h.executeUpdate(exitNoticeDecisionUpdate, {
        args: [{ taskId: notice.taskId, decision: 'confirm', effectiveOn: '2027-03-31', decidedBy: operator }],
      });
      // The activity records its call before the workflow has seen it complete: wait on the state.
      await stateWhen(h, (s) => s.exitTriggered);
      expect(rec.exits).toHaveLength(1);
      expect(rec.exits[0]).toMatchObject({
        taskId: notice.taskId,
        effectiveOn: '2027-03-31',
        appraisals: [
          { year: 2025, grade: 'unqualified' },
          { year: 2026, grade: 'unqualified' },
        ],
      });
      // A second decision is refused: the notice is no longer open.
      await expect(
        h.executeUpdate(exitNoticeDecisionUpdate, {
          args: [{ taskId: notice.taskId, decision: 'contest', effectiveOn: '2027-03-31', decidedBy: operator }],
        }),
      ).rejects.toThrow();

      await h.signal(recordWorkerExitedSignal, { exitedOn: '2027-03-31' });
      expect(await h.result()).toMatchObject({ endedBy: 'exit-triggered' });
    });
  });

  it('EXIT-2: an elected worker unqualified two years in a row gets an organisational-adjustment task, never an exit', async () => {
    await withRecord('elected', async (h, rec) => {
      await yearGraded(h, 2025, 'unqualified');
      await recWhen(rec, opened('admonishment-talk'));
      await yearGraded(h, 2026, 'unqualified');
      await recWhen(rec, opened('organisational-adjustment', 2026));
      await yearGraded(h, 2027, 'unqualified');
      await recWhen(rec, opened('organisational-adjustment', 2027));
      expect((await state(h)).run).toBe(3);
      expect(rec.opened.map((t) => t.kind)).toEqual(['admonishment-talk', 'organisational-adjustment', 'organisational-adjustment']);
      expect(rec.opened[1]!.explanation.rules.map((r) => r.id)).toContain('EXIT-2');
      expect(rec.exits).toEqual([]);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2028-01-31' });
      expect(await h.result()).toMatchObject({ endedBy: 'worker-exited' });
    });
  });

  it('APPR-5 a non-consecutive pattern (unqualified, basically qualified, unqualified) and a missing year trigger no notice', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2023, 'unqualified');
      await yearGraded(h, 2024, 'basically-qualified');
      await yearGraded(h, 2025, 'unqualified');
      // 2026: no appraisal (e.g. long leave): the sequence breaks.
      await env.sleep(YEAR);
      await yearGraded(h, 2027, 'unqualified');
      await recWhen(rec, opened('admonishment-talk', 2027));
      expect(rec.opened.map((t) => [t.kind, t.year])).toEqual([
        ['admonishment-talk', 2023],
        ['admonishment-talk', 2025],
        ['admonishment-talk', 2027],
      ]);
      expect(rec.exits).toEqual([]);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2028-01-31' });
      await h.result();
    });
  });

  it('an upheld appeal cancels the exit notice before it is confirmed, and nothing is triggered (three years)', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2024, 'qualified');
      await yearGraded(h, 2025, 'unqualified');
      await yearGraded(h, 2026, 'unqualified');
      await recWhen(rec, opened('exit-notice'));
      const notice = taskOf(rec, 'exit-notice');
      await h.signal(gradeSignal, { year: 2026, grade: 'basically-qualified', reason: 'appeal-upheld' });
      await recWhen(rec, (r) => r.cancelled.length > 0);
      expect((await state(h)).grades).toContainEqual({ year: 2026, grade: 'basically-qualified' });
      expect(rec.cancelled).toContainEqual({ taskId: notice.taskId, reason: 'appeal-upheld' });
      await expect(
        h.executeUpdate(exitNoticeDecisionUpdate, {
          args: [{ taskId: notice.taskId, decision: 'confirm', effectiveOn: '2027-03-31', decidedBy: operator }],
        }),
      ).rejects.toThrow();
      // The notice's deadline passes: still nothing.
      await env.sleep(60 * DAY);
      expect(rec.exits).toEqual([]);
      expect(rec.escalated).not.toContain(notice.taskId);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2027-06-30' });
      await h.result();
    });
  });

  it('APPR-5 an admonishment not held by its deadline is reminded, then escalated to the district', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2025, 'unqualified');
      await recWhen(rec, opened('admonishment-talk'));
      const task = rec.opened[0]!;
      await env.sleep(timings.admonishmentDays * DAY - DAY);
      expect(rec.reminded).toEqual([]);
      await env.sleep(2 * DAY);
      await recWhen(rec, (r) => r.reminded.length > 0);
      expect(rec.reminded).toEqual([task.taskId]);
      expect(rec.escalated).toEqual([]);
      await env.sleep(timings.escalationDays * DAY);
      await recWhen(rec, (r) => r.escalated.length > 0);
      expect(rec.escalated).toEqual([task.taskId]);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2026-06-30' });
      await h.result();
    });
  });

  it('ORG-2 a worker transferred mid-year keeps the record: the notice of the second unqualified year names the new unit (three years)', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2024, 'qualified');
      await yearGraded(h, 2025, 'unqualified');
      await env.sleep(180 * DAY);
      await h.signal(recordTransferredSignal, { unitCode: '310101013001' });
      await yearGraded(h, 2026, 'unqualified');
      await recWhen(rec, opened('exit-notice'));
      expect(rec.opened.map((t) => [t.kind, t.unitCode])).toEqual([
        ['admonishment-talk', '310101002001'],
        ['exit-notice', '310101013001'],
      ]);
      expect(await state(h)).toMatchObject({ run: 3, unitCode: '310101013001' });
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2027-01-31' });
      await h.result();
    });
  });

  it('a worker who exits for another reason mid-way ends the record cleanly: open tasks cancelled, no exit triggered (three years)', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2024, 'qualified');
      await yearGraded(h, 2025, 'unqualified');
      await yearGraded(h, 2026, 'unqualified');
      await recWhen(rec, opened('exit-notice'));
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2027-02-01' });
      expect(await h.result()).toMatchObject({ endedBy: 'worker-exited', grades: [{ year: 2024 }, { year: 2025 }, { year: 2026 }] });
      const notice = taskOf(rec, 'exit-notice');
      expect(rec.cancelled).toContainEqual({ taskId: notice.taskId, reason: 'worker-exited' });
      expect(rec.exits).toEqual([]);
    });
  });

  it('APPR-5 a grade the record already has is ignored: re-sent in the same year and after the next year began, nothing changes', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2025, 'unqualified');
      await recWhen(rec, opened('admonishment-talk', 2025));
      await h.signal(gradeSignal, { year: 2025, grade: 'unqualified', reason: 'published' });
      await yearGraded(h, 2026, 'qualified');
      const before = await stateWhen(h, (s) => s.run === 2 && s.grades.length === 2);
      // The grade sweep re-sends both years (e.g. their delivery was not recorded).
      await h.signal(gradeSignal, { year: 2025, grade: 'unqualified', reason: 'published' });
      await h.signal(gradeSignal, { year: 2026, grade: 'qualified', reason: 'published' });
      await env.sleep(DAY);
      expect(await state(h)).toEqual(before);
      expect(rec.opened.map((t) => [t.kind, t.year])).toEqual([['admonishment-talk', 2025]]);
      expect(rec.cancelled).toEqual([]);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2027-01-31' });
      await h.result();
    });
  });

  it("APPR-5 an upheld appeal whose year's publication signal was lost starts that year, and its grade decides it", async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2025, 'unqualified');
      await recWhen(rec, opened('admonishment-talk', 2025));
      // 2026 was published unqualified, but that signal was lost; the appeal made it basically qualified.
      await env.sleep(YEAR);
      await h.signal(gradeSignal, { year: 2026, grade: 'basically-qualified', reason: 'appeal-upheld' });
      expect(await stateWhen(h, (s) => s.grades.length === 2)).toMatchObject({
        run: 2,
        grades: [
          { year: 2025, grade: 'unqualified' },
          { year: 2026, grade: 'basically-qualified' },
        ],
      });
      expect(rec.opened.map((t) => t.kind)).toEqual(['admonishment-talk']);
      expect(rec.exits).toEqual([]);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2027-01-31' });
      await h.result();
    });
  });

  it('EXIT-3 a notice the street contests triggers no exit, and the record goes on into the next year', async () => {
    await withRecord('recruited', async (h, rec) => {
      await yearGraded(h, 2025, 'unqualified');
      await yearGraded(h, 2026, 'unqualified');
      await recWhen(rec, opened('exit-notice'));
      const notice = taskOf(rec, 'exit-notice');
      const decided = await h.executeUpdate(exitNoticeDecisionUpdate, {
        args: [{ taskId: notice.taskId, decision: 'contest', effectiveOn: '2027-03-31', decidedBy: operator }],
      });
      expect(decided.status).toBe('contested');
      await env.sleep(60 * DAY);
      expect(rec.decided).toEqual([{ taskId: notice.taskId, decision: 'contest' }]);
      expect(rec.exits).toEqual([]);
      await yearGraded(h, 2027, 'qualified');
      expect(await stateWhen(h, (s) => s.run === 3)).toMatchObject({ exitTriggered: false });
      expect(rec.exits).toEqual([]);
      await h.signal(recordWorkerExitedSignal, { exitedOn: '2028-01-31' });
      expect(await h.result()).toMatchObject({ endedBy: 'worker-exited' });
    });
  });
});
