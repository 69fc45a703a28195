export * from './appraisal-http-app';
export * from './appraisal-core-for-tests';
// For the benchmark (test/bench/appraisal-close.bench.ts): the set-based close, run as the activity runs it.
export { ResultRepository, ResultsService, type CycleFacts } from '../results';
export { appraisalMigrations } from '../migrations';
