// Test-only entry of the training app (`@cwp/training/testing`): the integration context and builders.
export * from './training-int-context';
export * from './builders';
// For the compliance benchmark (test/bench) and the demo city (seeds/demo): the run's service, its inputs, the library's tokeniser.
export { ComplianceService, ComplianceRepository } from '../compliance';
export { trainingMigrations } from '../migrations';
export { searchTokens } from '../library';
