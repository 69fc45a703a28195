import type { DevelopmentPlanActivities } from '@cwp/training-workflows';
import type { TraineesService } from '../trainees.service';

/** The plan workflow's activities, bound to the service that owns the rows (each idempotent). */
export function createPlanActivities(trainees: TraineesService): DevelopmentPlanActivities {
  return {
    remindFourOnes: ({ workerId, round, dueBy }) => trainees.remindFourOnes(workerId, round, dueBy),
    recordMilestone: ({ workerId, milestone, on }) => trainees.recordMilestone(workerId, milestone, on),
    closePlan: ({ workerId, reason }) => trainees.closePlan(workerId, reason),
  };
}
