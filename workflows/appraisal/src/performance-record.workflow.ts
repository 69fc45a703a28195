/**
 * One workflow per worker (id `appraisal-record:<workerId>`), started when the worker is hired:
 * the worker's performance record across appraisal years (APPR-5, EXIT-2, EXIT-3).
 *
 * - Each published grade is decided with @cwp/policy `appraisalConsequence` against the grade of
 *   the year before (a missing year breaks the sequence): unqualified → admonishment talk with a
 *   deadline, a reminder, then escalation to the district; unqualified again the next year →
 *   for a recruited worker (ORG-3) an exit notice the street confirms or contests before a
 *   deadline, then `exit.triggered` (EXIT-3 cause 1); for an elected worker an organisational-
 *   adjustment task (EXIT-2), never a termination.
 * - A grade changed on appeal recomputes the year's consequence; one that no longer follows is
 *   cancelled (also a notice not yet confirmed). A transfer only moves the record's unit.
 * - The worker's exit ends the workflow (open tasks cancelled). One run per appraisal year:
 *   the next year's grade continues the record as new, carrying the last grades.
 * - A grade the record already has for that year is ignored: the grade sweep may re-send one.
 */
import { condition, continueAsNew, log, patched, proxyActivities, setHandler, uuid4, allHandlersFinished } from '@temporalio/workflow';
import {
  exitNoticeDecisionUpdate,
  gradeSignal,
  performanceRecordStateQuery,
  recordTaskDoneSignal,
  recordTransferredSignal,
  recordWorkerExitedSignal,
  type AppraisalGrade,
  type ExitNoticeDecisionRequest,
  type GradeSignal,
  type PerformanceRecordInput,
  type PerformanceRecordOutcome,
  type PerformanceRecordState,
  type RecordTaskKind,
  type RecordTaskState,
} from '@cwp/contracts';
import { appraisalConsequence, type AppraisalAction, type Explanation } from '@cwp/policy';
import type { PerformanceRecordActivities } from './activities';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The patch id of the grade-sweep rules (a grade the record already has is ignored in any run; a
 * later year's grade starts the next run whatever its reason). Histories recorded before it replay
 * the earlier rules; remove the old branch once no such history can be open.
 */
export const DUPLICATE_GRADE_PATCH = 'record-ignores-resent-grade';

/** Grades kept across runs: APPR-5 looks one year back; two more make the state readable. */
const GRADES_KEPT = 3;

const acts = proxyActivities<PerformanceRecordActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const TASK_OF: Partial<Record<AppraisalAction, RecordTaskKind>> = {
  'admonishment-talk': 'admonishment-talk',
  'organisational-adjustment-or-persuasion': 'organisational-adjustment',
  'contract-termination-route': 'exit-notice',
};

interface Consequence {
  year: number;
  action: AppraisalAction;
  superseded: boolean;
  settled: boolean;
  task: RecordTaskState | null;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export async function performanceRecordWorkflow(input: PerformanceRecordInput): Promise<PerformanceRecordOutcome> {
  const run = input.run ?? 1;
  const { workerId, entryRoute, timings } = input;
  let unitCode = input.unitCode;
  const grades = new Map<number, AppraisalGrade>((input.grades ?? []).map((g) => [g.year, g.grade]));
  const queue: GradeSignal[] = [...(input.pending ?? [])];
  const tasks: RecordTaskState[] = [];
  const done = new Set<string>();
  let decision: ExitNoticeDecisionRequest | null = null;
  let deciding = false;
  let exitedOn: string | null = null;
  let exitTriggered = false;
  /** The appraisal year this run follows (the first grade it processes). */
  let runYear: number | null = null;
  let current = null as Consequence | null;

  const gradeList = (): { year: number; grade: AppraisalGrade }[] =>
    [...grades.entries()].sort(([a], [b]) => a - b).map(([year, grade]) => ({ year, grade }));
  const state = (): PerformanceRecordState => ({
    workerId,
    unitCode,
    entryRoute,
    run,
    grades: gradeList(),
    tasks: tasks.map((t) => ({ ...t })),
    exitTriggered,
    ended: exitedOn === null ? null : 'exited',
  });

  setHandler(performanceRecordStateQuery, state);
  setHandler(gradeSignal, (signal) => void queue.push(signal));
  setHandler(recordTransferredSignal, ({ unitCode: to }) => {
    // ORG-2: the record follows the worker; grades and open tasks stay.
    unitCode = to;
  });
  setHandler(recordWorkerExitedSignal, ({ exitedOn: on }) => {
    exitedOn ??= on;
  });
  setHandler(recordTaskDoneSignal, ({ taskId }) => void done.add(taskId));
  setHandler(
    exitNoticeDecisionUpdate,
    async (request) => {
      const task = openNotice()!;
      // Synchronously, before the first await: a second decision now fails validation.
      deciding = true;
      await acts.decideExitNotice({
        taskId: request.taskId,
        decision: request.decision,
        effectiveOn: request.effectiveOn,
        decidedBy: request.decidedBy,
      });
      task.status = request.decision === 'confirm' ? 'done' : 'contested';
      decision = request;
      return { ...task };
    },
    {
      validator: (request) => {
        const task = openNotice();
        if (!task || task.taskId !== request.taskId) throw new Error(`Task ${request.taskId} is not an open exit notice of this worker`);
        if (deciding) throw new Error('The exit notice has already been decided');
      },
    },
  );

  function openNotice(): RecordTaskState | undefined {
    return tasks.find(
      (t) =>
        t.kind === 'exit-notice' &&
        (t.status === 'open' || t.status === 'reminded' || t.status === 'escalated') &&
        current?.task === t &&
        !current.superseded,
    );
  }

  /** Waits until `pred`, the consequence is superseded, the worker exits, or `ms` passed; true if `pred` held. */
  async function waitFor(c: Consequence, pred: () => boolean, ms?: number): Promise<boolean> {
    const stop = (): boolean => pred() || c.superseded || exitedOn !== null;
    if (ms === undefined) await condition(stop);
    else if (ms > 0) await condition(stop, ms);
    return pred();
  }

  async function cancel(c: Consequence, reason: 'appeal-upheld' | 'worker-exited' | 'superseded'): Promise<void> {
    if (!c.task || ['done', 'contested', 'cancelled'].includes(c.task.status)) return;
    await acts.cancelTask({ taskId: c.task.taskId, reason });
    c.task.status = 'cancelled';
  }

  /** APPR-5: runs one year's consequence until it is settled, superseded or the worker exits. */
  async function runConsequence(c: Consequence, explanation: Explanation): Promise<void> {
    const kind = TASK_OF[c.action];
    if (!kind) return;
    const days = kind === 'exit-notice' ? timings.noticeDays : timings.admonishmentDays;
    const dueAt = Date.now() + days * DAY_MS;
    const task: RecordTaskState = { taskId: uuid4(), kind, year: c.year, status: 'open', dueAt: new Date(dueAt).toISOString() };
    await acts.openTask({ taskId: task.taskId, workerId, unitCode, kind, year: c.year, dueOn: isoDate(dueAt), explanation });
    tasks.push(task);
    c.task = task;

    if (kind === 'exit-notice') {
      // EXIT-3: a human decision with a deadline; past it the notice goes to the district and waits on.
      if (!(await waitFor(c, () => decision !== null, dueAt - Date.now())) && !c.superseded && exitedOn === null) {
        const { escalated } = await acts.escalateTask({ taskId: task.taskId });
        if (escalated) task.status = 'escalated';
        await waitFor(c, () => decision !== null);
      }
      if (c.superseded || exitedOn !== null || decision === null) return;
      if (decision.decision === 'confirm') {
        const appraisals = [c.year - 1, c.year].map((year) => ({ year, grade: grades.get(year)! }));
        await acts.triggerExit({ taskId: task.taskId, workerId, unitCode, appraisals, effectiveOn: decision.effectiveOn, explanation });
        exitTriggered = true;
      }
      return;
    }
    // Admonishment talk / organisational adjustment: deadline, a reminder, then the district.
    if (await waitFor(c, () => done.has(task.taskId), dueAt - Date.now())) return void (task.status = 'done');
    if (c.superseded || exitedOn !== null) return;
    if ((await acts.remindTask({ taskId: task.taskId })).reminded) task.status = 'reminded';
    if (await waitFor(c, () => done.has(task.taskId), timings.escalationDays * DAY_MS)) return void (task.status = 'done');
    if (c.superseded || exitedOn !== null) return;
    const { escalated } = await acts.escalateTask({ taskId: task.taskId });
    if (escalated) task.status = 'escalated';
  }

  /** (Re)decides `year` from the grades now known; a different action supersedes the running one. */
  function decide(year: number): void {
    const grade = grades.get(year);
    if (grade === undefined) return;
    const previous = grades.get(year - 1);
    const decisionOf = appraisalConsequence(
      previous === undefined ? { grade, entryRoute } : { grade, previousGrade: previous, entryRoute },
    );
    const action = decisionOf.value.action;
    if (current && current.year === year && current.action === action && !current.superseded) return;
    if (current && !current.settled) current.superseded = true;
    const c: Consequence = { year, action, superseded: false, settled: false, task: null };
    current = c;
    log.info('appraisal record consequence', { workerId, year, action, grade, previous });
    void (async () => {
      // A superseded consequence stops at its next wait and cancels its own task.
      await runConsequence(c, decisionOf.explanation);
      if (c.superseded) await cancel(c, 'appeal-upheld');
      c.settled = true;
    })();
  }

  for (;;) {
    await condition(() => queue.length > 0 || exitedOn !== null || exitTriggered);
    if (exitedOn !== null) break;
    if (queue.length === 0) {
      // The exit was triggered: the record waits for the workforce service's exit (or a late appeal).
      await condition(() => queue.length > 0 || exitedOn !== null);
      if (exitedOn !== null) break;
    }
    const signal = queue[0]!;
    // Versioned (Temporal patch): histories recorded before the grade sweep replay the old rules.
    const sweepAware = patched(DUPLICATE_GRADE_PATCH);
    if (sweepAware && grades.get(signal.year) === signal.grade) {
      // A grade the record already has for that year (the grade sweep re-sent it): nothing changes.
      queue.shift();
      continue;
    }
    // A later year (its publication, or an upheld appeal whose publication signal was lost).
    if ((sweepAware || signal.reason === 'published') && runYear !== null && signal.year > runYear) {
      // A new appraisal year: once a pending exit notice is settled, continue as new with small history.
      await condition(() => current === null || current.settled || current.task?.kind !== 'exit-notice' || exitedOn !== null);
      if (exitedOn !== null) break;
      await condition(allHandlersFinished);
      const kept = gradeList().slice(-GRADES_KEPT);
      return continueAsNew<typeof performanceRecordWorkflow>({ ...input, unitCode, grades: kept, pending: queue.splice(0), run: run + 1 });
    }
    queue.shift();
    if (!sweepAware && grades.get(signal.year) === signal.grade && current?.year === signal.year) continue;
    grades.set(signal.year, signal.grade);
    runYear ??= signal.year;
    // After the exit was triggered the grades are still recorded, but no new consequence starts:
    // the workforce service has the exit, and an appeal after it is a matter for the courts.
    if (exitTriggered) continue;
    if (signal.year === runYear || signal.year === runYear - 1) decide(runYear);
  }

  // The worker left (workforce `exited`): whatever is still open has no one to act on.
  await condition(() => current === null || current.settled);
  for (const task of tasks) {
    if (['open', 'reminded', 'escalated'].includes(task.status)) {
      await acts.cancelTask({ taskId: task.taskId, reason: 'worker-exited' });
      task.status = 'cancelled';
    }
  }
  await condition(allHandlersFinished);
  log.info('appraisal record ended', { workerId, exitTriggered });
  return { endedBy: exitTriggered ? 'exit-triggered' : 'worker-exited', grades: gradeList() };
}
