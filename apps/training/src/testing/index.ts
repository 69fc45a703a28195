// Test-only entry of the training app (`@cwp/training/testing`): the integration context and builders.
export * from './training-int-context';
export * from './builders';
// For the compliance benchmark (test/bench): the run's service and what it is built from.
export { ComplianceService, ComplianceRepository } from '../compliance';
export { trainingMigrations } from '../migrations';
