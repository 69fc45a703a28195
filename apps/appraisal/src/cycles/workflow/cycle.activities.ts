import { Context } from '@temporalio/activity';
import type { AppraisalCycleActivities } from '@cwp/appraisal-workflows';
import type { CyclesService } from '../cycles.service';

/**
 * The cycle workflow's activities. Close and publish heartbeat every chunk; a retried close resumes
 * after the last worker id it heartbeated (publication resumes by itself: it takes the next drafts).
 */
export function createCycleActivities(cycles: CyclesService): AppraisalCycleActivities {
  return {
    openRating: ({ cycleId }) => cycles.openRating(cycleId),
    remindRaters: ({ cycleId }) => cycles.remindRaters(cycleId),
    closeCycle: ({ cycleId, closedBy }) => {
      const ctx = Context.current();
      const resumeAfter = (ctx.info.heartbeatDetails as string | undefined) ?? '';
      return cycles.close(cycleId, closedBy, resumeAfter, (last) => ctx.heartbeat(last));
    },
    checkCalibration: ({ cycleId }) => cycles.checkCalibration(cycleId),
    publishResults: ({ cycleId }) => {
      const ctx = Context.current();
      return cycles.publishResults(cycleId, () => ctx.heartbeat());
    },
  };
}
