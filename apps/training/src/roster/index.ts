export { RosterModule } from './roster.module';
export { TraineesService } from './trainees.service';
export { TraineeRepository } from './trainee.repository';
export { TraineeAccess, TRAINEE_ENTITY_NAME } from './trainee-access';
export { PlanWorkflow } from './workflow/plan-workflow';
export { createPlanActivities } from './workflow/plan.activities';
export { WorkforceWorkersHandler } from './events/workforce-workers.handler';
export { rosterMigrations } from './migrations';
export type { TraineeRow } from './trainee.row';
