import type { FourOne } from '@cwp/policy';

/** A worker as the training service knows them (projected from workforce events; no personal data). */
export interface TraineeRow {
  workerId: string;
  unitCode: string;
  hiredOn: string;
  education: string | null;
  status: 'active' | 'exited';
  exitedOn: string | null;
  planStatus: 'open' | 'completed' | 'exited';
  workflowStartedAt: Date | null;
  version: number;
}

export const TRAINEE_COLUMNS = `worker_id AS "workerId", unit_code AS "unitCode", to_char(hired_on, 'YYYY-MM-DD') AS "hiredOn",
  education, status, to_char(exited_on, 'YYYY-MM-DD') AS "exitedOn", plan_status AS "planStatus",
  workflow_started_at AS "workflowStartedAt", version`;

export interface FourOneRow {
  item: FourOne;
  doneOn: string;
  evidence: string;
  recordedBy: string;
}

export interface MilestoneRow {
  milestone: 'qualified' | 'mature';
  on: string;
  met: boolean;
  missing: string[];
  explanation: unknown;
}
