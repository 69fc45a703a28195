/**
 * The workforce service's testing entry point (`@cwp/workforce/testing`): what benches and
 * end-to-end set-ups need of the service's own schema, never imported by the service itself.
 * Synthetic data comes from @cwp/synthetic; this only puts it into the service's tables.
 */
export { openBenchSchema, type BenchSchema } from './bench-schema';
export { loadReferenceData } from '../core/reference-data';
export { loadSyntheticWorkers } from '../workers';
export { buildStaffingReport, ReportRepository, STAFFING_REPORT_SQL } from '../reports';
