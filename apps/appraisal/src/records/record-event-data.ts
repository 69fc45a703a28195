import type { ExitTriggeredData, TaskEscalatedData, TaskOpenedData } from '@cwp/contracts';
import type { RecordTaskRow } from './record.row';

/** The event payloads of record tasks: ids, codes, years, dates and rule IDs only. */
export const recordEventData = {
  taskOpened(task: RecordTaskRow): TaskOpenedData {
    return {
      taskId: task.id,
      workerId: task.workerId,
      unitCode: task.unitCode,
      kind: task.kind,
      year: task.year,
      dueOn: task.dueOn,
      rules: task.explanation.rules.map((r) => r.id),
    };
  },

  taskEscalated(task: RecordTaskRow): TaskEscalatedData {
    return {
      taskId: task.id,
      workerId: task.workerId,
      unitCode: task.unitCode,
      kind: task.kind,
      year: task.year,
      escalatedTo: task.escalatedTo!,
      dueOn: task.dueOn,
    };
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
