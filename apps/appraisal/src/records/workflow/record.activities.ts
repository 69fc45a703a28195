import type { PerformanceRecordActivities } from '@cwp/appraisal-workflows';
import type { RecordsService } from '../records.service';

/** The record workflow's activities, bound to the service that owns the rows (each idempotent). */
export function createRecordActivities(records: RecordsService): PerformanceRecordActivities {
  return {
    openTask: (input) => records.openTask(input),
    remindTask: ({ taskId }) => records.remindTask(taskId),
    escalateTask: ({ taskId }) => records.escalateTask(taskId),
    cancelTask: ({ taskId, reason }) => records.cancelTask(taskId, reason),
    decideExitNotice: (input) => records.decideExitNotice(input),
    triggerExit: (input) => records.triggerExit(input),
  };
}
