import { Context } from '@temporalio/activity';
import type { TrainingComplianceActivities } from '@cwp/training-workflows';
import type { ComplianceService } from '../compliance.service';

/**
 * The compliance run's activity: heartbeats the last worker id of every committed chunk; a retry
 * resumes after it (the heartbeat details of the previous attempt).
 */
export function createComplianceActivities(compliance: ComplianceService): TrainingComplianceActivities {
  return {
    runCompliance: ({ year }) => {
      const ctx = Context.current();
      const resumeAfter = (ctx.info.heartbeatDetails as string | undefined) ?? '';
      return compliance.run(year, resumeAfter, (last) => ctx.heartbeat(last));
    },
  };
}
