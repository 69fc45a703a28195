export { WagesModule } from './wages.module';
export { wagesMigrations } from './migrations';
export { WageRepository } from './wage.repository';
export type { WageRow } from './wage.row';
export { WagesService } from './wages.service';
export { RECALIBRATION_ENTITY, RecalibrationReopener, type ReopenedRecalibration } from './recalibration-reopener';
