/**
 * The contract between the appraisal service and the per-worker performance record workflow
 * (APPR-5, EXIT-2, EXIT-3): input, signals, the notice decision update and the state query,
 * defined once and imported by both sides. Ids, years and grades only (no personal data).
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EntryRoute } from '../workforce/worker-hired';
import type { AppraisalGrade, RecordTaskKind } from './vocabulary';

/** Days and periods the record waits (service settings captured at start, carried across runs). */
export interface PerformanceRecordTimings {
  /** APPR-5: days the street has to hold the admonishment talk. */
  admonishmentDays: number;
  /** Days after a missed deadline before the overdue task goes to the district (a reminder goes first). */
  escalationDays: number;
  /** EXIT-3: days the street has to confirm or contest the exit notice. */
  noticeDays: number;
  /** Days after publication in which an appeal may still change a grade (consequences wait that long). */
  appealDays: number;
}

export interface PerformanceRecordInput {
  workerId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  timings: PerformanceRecordTimings;
  /** Grades of earlier years (carried by continueAsNew: the last two suffice for APPR-5). */
  grades?: { year: number; grade: AppraisalGrade }[];
  /** Signals that arrived but were not processed before the previous run continued as new. */
  pending?: GradeSignal[];
  /** How many runs this record has had (one per appraisal year). */
  run?: number;
}

export interface GradeSignal {
  year: number;
  grade: AppraisalGrade;
  /** `published`: the year's result; `appeal-upheld`: a published grade changed on appeal. */
  reason: 'published' | 'appeal-upheld';
}

export interface RecordTaskState {
  taskId: string;
  kind: RecordTaskKind;
  year: number;
  status: 'open' | 'reminded' | 'escalated' | 'done' | 'contested' | 'cancelled' | 'lapsed';
  dueAt: string;
}

export interface PerformanceRecordState {
  workerId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  run: number;
  grades: { year: number; grade: AppraisalGrade }[];
  tasks: RecordTaskState[];
  exitTriggered: boolean;
  ended: 'exited' | null;
}

export interface PerformanceRecordOutcome {
  endedBy: 'worker-exited' | 'exit-triggered';
  grades: { year: number; grade: AppraisalGrade }[];
}

/** A year's grade was published, or changed on appeal. The workflow is started with it when missing. */
export const gradeSignal = defineSignal<[GradeSignal]>('appraisalRecordGrade');

/** The worker moved to another unit (ORG-2): the record follows the worker, nothing else changes. */
export const recordTransferredSignal = defineSignal<[{ unitCode: string }]>('appraisalRecordTransferred');

/** The worker left the workforce (workforce `exited` event): open tasks are cancelled, the record ends. */
export const recordWorkerExitedSignal = defineSignal<[{ exitedOn: string }]>('appraisalRecordWorkerExited');

/** The street held the admonishment talk or did the adjustment (the API recorded when and by whom first). */
export const recordTaskDoneSignal = defineSignal<[{ taskId: string }]>('appraisalRecordTaskDone');

export interface ExitNoticeDecisionRequest {
  taskId: string;
  decision: 'confirm' | 'contest';
  /** ISO date the contract ends on when confirmed. */
  effectiveOn: string;
  decidedBy: { sub: string; role: string; unit: string };
}

/**
 * EXIT-3: the street confirms or contests the exit notice. The validator refuses a task that is
 * not the open exit notice (already decided, cancelled by an appeal, or unknown).
 */
export const exitNoticeDecisionUpdate = defineUpdate<RecordTaskState, [ExitNoticeDecisionRequest]>('appraisalRecordExitNoticeDecision');

export const performanceRecordStateQuery = defineQuery<PerformanceRecordState>('appraisalRecordState');
