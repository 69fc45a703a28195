import { trainingCompliance, type FourOne, type PolicyVersion } from '@cwp/policy';
import type { ComplianceInputRow, ComplianceResultRow } from '../compliance.row';

/**
 * One worker's verdict for the year from the chunk's aggregated row, decided by @cwp/policy
 * `trainingCompliance` (TRAIN-2, TRAIN-3, TRAIN-4) with its explanation; the failed rules are the
 * ones a shortfall event names.
 */
export function verdictOf(policy: PolicyVersion, year: number, row: ComplianceInputRow): ComplianceResultRow {
  const serviceStart = row.hiredOn;
  const decision = trainingCompliance(policy, {
    year,
    serviceStart,
    hours: Math.round(row.hours * 10) / 10,
    offJobYears: row.offJobYears.map(Number),
    fourOnes: (row.fourOnes ?? {}) as Partial<Record<FourOne, string>>,
  });
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
    explanation: decision.explanation,
  };
}

/** The event a verdict calls for: a new shortfall, a cleared one, or none (unchanged). */
export function transitionOf(wasCompliant: boolean | null, compliant: boolean): 'shortfall' | 'cleared' | null {
  if (!compliant && wasCompliant !== false) return 'shortfall';
  if (compliant && wasCompliant === false) return 'cleared';
  return null;
}
