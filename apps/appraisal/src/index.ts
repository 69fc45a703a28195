export { appraisalMigrations } from './migrations';
// For the benchmark (test/bench/appraisal-close.bench.ts): the set-based close, run as the activity runs it.
export { ResultsService, type CycleFacts } from './results';
export { ResultRepository } from './results/result.repository';
