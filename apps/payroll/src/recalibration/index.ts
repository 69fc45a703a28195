export { RecalibrationModule } from './recalibration.module';
export { recalibrationMigrations } from './migrations';
export { RecalibrationRunner } from './recalibration-runner.service';
export { createRecalibrationActivities } from './workflow/recalibration.activities';
export { recalibrationSchedule } from './workflow/recalibration.schedule';
