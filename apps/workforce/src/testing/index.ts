/**
 * The workforce service's testing entry point (`@cwp/workforce/testing`, and `../testing` for the
 * app's own specs): the integration context built from feature modules, and what benches need of
 * the service's own schema. Never imported by the service itself. Synthetic data comes from
 * @cwp/synthetic; this only puts it into the service's tables.
 */
export { openBenchSchema, type BenchSchema } from './bench-schema';
export {
  createWorkforceIntContext,
  ORG_TREE_FILE,
  TEST_SETTINGS,
  type WorkforceIntContext,
  type WorkforceIntContextOptions,
} from './workforce-int-context';
export { principalOf, startWorkforceHttpApp, type WorkforceHttpApp } from './workforce-http-app';
export { loadReferenceData } from '../reference-data';
export { loadSyntheticWorkers, SYNTHETIC_WORKER_COLUMNS } from '../workers';
export { buildStaffingReport, ReportRepository, STAFFING_REPORT_SQL } from '../reports';
