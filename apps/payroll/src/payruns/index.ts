export { PayRunsModule } from './pay-runs.module';
export { payRunsMigrations } from './migrations';
export { PayRunsService } from './pay-runs.service';
export { createPayRunActivities } from './workflow/pay-run.activities';
export { monthlyPayRunSchedule } from './workflow/pay-run.schedule';
