import type { EntryRoute, RecordTaskKind } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

/** A worker as the appraisal service knows them (projected from workforce events; no personal data). */
export interface WorkerRecordRow {
  workerId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  hiredOn: string;
  status: 'active' | 'exited';
  exitedOn: string | null;
  workflowStartedAt: Date | null;
  version: number;
}

export const WORKER_RECORD_COLUMNS = `worker_id AS "workerId", unit_code AS "unitCode", entry_route AS "entryRoute",
  to_char(hired_on, 'YYYY-MM-DD') AS "hiredOn", status, to_char(exited_on, 'YYYY-MM-DD') AS "exitedOn",
  workflow_started_at AS "workflowStartedAt", version`;

export type RecordTaskStatus = 'open' | 'reminded' | 'escalated' | 'done' | 'contested' | 'cancelled';

/** An admonishment talk, organisational adjustment or exit notice (APPR-5, EXIT-2, EXIT-3). */
export interface RecordTaskRow {
  id: string;
  workerId: string;
  unitCode: string;
  kind: RecordTaskKind;
  year: number;
  status: RecordTaskStatus;
  dueOn: string;
  explanation: Explanation;
  remindedAt: Date | null;
  escalatedTo: string | null;
  heldOn: string | null;
  doneBy: string | null;
  note: string | null;
  effectiveOn: string | null;
  decidedBy: string | null;
  exitTriggeredAt: Date | null;
  cancelReason: string | null;
  version: number;
}

export const RECORD_TASK_COLUMNS = `id, worker_id AS "workerId", unit_code AS "unitCode", kind, year, status,
  to_char(due_on, 'YYYY-MM-DD') AS "dueOn", explanation, reminded_at AS "remindedAt", escalated_to AS "escalatedTo",
  to_char(held_on, 'YYYY-MM-DD') AS "heldOn", done_by AS "doneBy", note, to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn",
  decided_by AS "decidedBy", exit_triggered_at AS "exitTriggeredAt", cancel_reason AS "cancelReason", version`;

export const OPEN_TASK_STATUSES: readonly RecordTaskStatus[] = ['open', 'reminded', 'escalated'];
