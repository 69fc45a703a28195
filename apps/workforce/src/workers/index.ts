export { WorkersModule } from './workers.module';
export { workersMigrations } from './migrations';
export { WorkersService } from './workers.service';
export { WorkerRepository } from './worker.repository';
export { EXIT_CAUSES_BY_ROUTE, fitExitCause } from './rules/exit-cause';
export { titleStructureUnitOf } from './rules/title-structure-unit';
export { AGE_BANDS, birthDateRange } from './rules/age-band';
export { loadSyntheticWorkers, SYNTHETIC_WORKER_COLUMNS, workerRow, type LoadWorkersOptions } from './synthetic-workers.loader';
export { AppraisalExitsModule } from './events/appraisal-exits.module';
