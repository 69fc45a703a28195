import { trainingCompliance, type Explanation, type FourOne, type PolicyVersion, type TrainingRecord } from '@cwp/policy';
import type { ComplianceInputRow, ComplianceResultRow } from '../compliance.row';

/** The decision's inputs as @cwp/policy takes them; stored with the verdict, so its explanation can be rebuilt on read. */
function recordOf(
  year: number,
  r: { serviceStart: string; hours: number; offJobYears: number[]; fourOnesDone: Record<string, string> | null },
): TrainingRecord {
  return {
    year,
    serviceStart: r.serviceStart,
    hours: Math.round(r.hours * 10) / 10,
    offJobYears: r.offJobYears.map(Number),
    fourOnes: (r.fourOnesDone ?? {}) as Partial<Record<FourOne, string>>,
  };
}

/**
 * One worker's verdict for the year from the chunk's aggregated row, decided by @cwp/policy
 * `trainingCompliance` (TRAIN-2, TRAIN-3, TRAIN-4) with its explanation; the failed rules are the
 * ones a shortfall event names.
 */
export function verdictOf(policy: PolicyVersion, year: number, row: ComplianceInputRow): ComplianceResultRow {
  const record = recordOf(year, { serviceStart: row.hiredOn, hours: row.hours, offJobYears: row.offJobYears, fourOnesDone: row.fourOnes });
  const decision = trainingCompliance(policy, record);
  const v = decision.value;
  const failedRules = [
    ...(v.hours.met ? [] : ['TRAIN-3']),
    ...(v.offJob.due && !v.offJob.met ? ['TRAIN-4'] : []),
    ...(v.fourOnes.status === 'overdue' ? ['TRAIN-2'] : []),
  ];
  return {
    year,
    workerId: row.workerId,
    unitCode: row.unitCode,
    hours: v.hours.done,
    requiredHours: v.hours.required,
    hoursMet: v.hours.met,
    offJobDue: v.offJob.due,
    offJobMet: v.offJob.met,
    fourOnes: v.fourOnes.status,
    compliant: v.compliant,
    failedRules,
    policyVersion: policy.id,
    serviceStart: record.serviceStart,
    offJobYears: [...record.offJobYears],
    fourOnesDone: row.fourOnes,
  };
}

/**
 * The verdict's explanation, rebuilt from its stored inputs under the policy version it was
 * decided by (`policy` must be that version): the same @cwp/policy decision, so the same rule IDs,
 * inputs and steps as when the run judged it, without storing ~820 bytes per worker and year.
 */
export function explainVerdict(policy: PolicyVersion, verdict: ComplianceResultRow): Explanation {
  return trainingCompliance(policy, recordOf(verdict.year, verdict)).explanation;
}

/** The event a verdict calls for: a new shortfall, a cleared one, or none (unchanged). */
export function transitionOf(wasCompliant: boolean | null, compliant: boolean): 'shortfall' | 'cleared' | null {
  if (!compliant && wasCompliant !== false) return 'shortfall';
  if (compliant && wasCompliant === false) return 'cleared';
  return null;
}
