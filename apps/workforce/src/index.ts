export { workforceMigrations } from './migrations';
export { loadReferenceData } from './org/reference-data';
export { runStaffingReport } from './reports/reports.service';
// For the benchmarks (test/bench) and the seed generators (seeds/): the report's query and figures,
// the synthetic roster, and the seeded random numbers the org tree and the roster are drawn with.
export { buildStaffingReport } from './reports/report-figures';
export { STAFFING_REPORT_SQL } from './reports/report.sql';
export { loadSyntheticWorkers } from './reports/synthetic-workers.loader';
export { DEFAULT_AS_OF, generateWorkforce, loadOrgTreeFile, SHANGHAI_WORKFORCE_SIZE, type OrgUnit } from './seed';
export { bellBetween, intBetween, keyedRandom, mulberry32, type Random } from './seed/prng';
export { openBenchSchema, type BenchSchema } from './bench-schema';
