import type { ExitTriggeredData, TaskEscalatedData, TaskOpenedData } from '@cwp/contracts';
import { workerYearRef } from '../core';
import type { RecordTaskRow } from './record.row';

/** The event payloads of record tasks: ids, codes, years, dates and rule IDs only. */
export const recordEventData = {
  taskOpened(task: RecordTaskRow): TaskOpenedData {
    return { ...taskRef(task), rules: task.explanation.rules.map((r) => r.id) };
  },

  taskEscalated(task: RecordTaskRow): TaskEscalatedData {
    return { ...taskRef(task), escalatedTo: task.escalatedTo! };
  },

  exitTriggered(task: RecordTaskRow, appraisals: ExitTriggeredData['appraisals'], effectiveOn: string): ExitTriggeredData {
    return {
      workerId: task.workerId,
      unitCode: task.unitCode,
      entryRoute: 'recruited',
      cause: 'unqualified-two-years',
      appraisals,
      effectiveOn,
      taskId: task.id,
      rules: task.explanation.rules.map((r) => r.id),
    };
  },
};

/** What every task event names: the task, its worker-year, kind and deadline. */
function taskRef(task: RecordTaskRow): Pick<TaskOpenedData, 'taskId' | 'workerId' | 'unitCode' | 'year' | 'kind' | 'dueOn'> {
  return { taskId: task.id, ...workerYearRef(task), kind: task.kind, dueOn: task.dueOn };
}

/** The audit view of a task (no personal data is held on tasks at all). */
export function taskAuditView(task: RecordTaskRow): Record<string, unknown> {
  return {
    kind: task.kind,
    year: task.year,
    status: task.status,
    dueOn: task.dueOn,
    heldOn: task.heldOn,
    effectiveOn: task.effectiveOn,
    escalatedTo: task.escalatedTo,
  };
}
