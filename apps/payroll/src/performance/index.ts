export { PerformancePoolsModule } from './performance-pools.module';
export { performanceMigrations } from './migrations';
export { PerformanceInputsRepository } from './performance-inputs.repository';
