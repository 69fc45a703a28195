/** What the compliance run reads per worker: one set-based statement per chunk. */
export interface ComplianceInputRow {
  workerId: string;
  unitCode: string;
  hiredOn: string;
  hours: number;
  offJobYears: number[];
  fourOnes: Record<string, string> | null;
  /** Whether the worker was judged compliant for this year by an earlier run (null: not judged yet). */
  wasCompliant: boolean | null;
}

export interface ComplianceResultRow {
  year: number;
  workerId: string;
  unitCode: string;
  hours: number;
  requiredHours: number;
  hoursMet: boolean;
  offJobDue: boolean;
  offJobMet: boolean;
  fourOnes: 'complete' | 'in-progress' | 'overdue';
  compliant: boolean;
  failedRules: string[];
  policyVersion: string;
  /** The decision's inputs beside the hours (see `explainVerdict`): service start, off-the-job years in the window, four-ones dates. */
  serviceStart: string;
  offJobYears: number[];
  fourOnesDone: Record<string, string> | null;
}

export const COMPLIANCE_COLUMNS = `year, worker_id AS "workerId", unit_code AS "unitCode", hours::float8 AS hours,
  required_hours::float8 AS "requiredHours", hours_met AS "hoursMet", off_job_due AS "offJobDue", off_job_met AS "offJobMet",
  four_ones AS "fourOnes", compliant, failed_rules AS "failedRules", policy_version AS "policyVersion",
  to_char(service_start, 'YYYY-MM-DD') AS "serviceStart", off_job_years AS "offJobYears", four_ones_done AS "fourOnesDone"`;

export interface UnitReportRow {
  unitCode: string;
  workers: number;
  compliant: number;
  hoursShort: number;
  offJobMissing: number;
  fourOnesOverdue: number;
  averageHours: number;
}
