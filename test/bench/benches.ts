/**
 * Every benchmark `npm run bench` runs (test/bench/run-benches.ts), with its arguments at each
 * size. A bench reports by printing `BENCH_ROW {json}` lines (`testing.printBenchRow` of
 * @cwp/platform: measure, unit, platform, baseline, goal); the runner also sets CWP_BENCH_SIZE
 * (`testing.benchSize()`) for benches that size themselves. A new bench adds one entry here; a
 * bench that prints no row yet is listed as such in the table.
 */
export interface BenchEntry {
  /** Repository path of the bench script. */
  file: string;
  /** Arguments at the small size (the default: a few minutes for the whole table) and at city scale. */
  small: string[];
  city: string[];
  /** Why it is left out of the small run (a city-scale-only bench), if it is. */
  cityOnly?: string;
}

export const BENCHES: readonly BenchEntry[] = [
  // Platform (issue 15 goals 1 and 4).
  { file: 'test/bench/workforce-get.bench.ts', small: [], city: [] },
  { file: 'test/bench/nest-adapters.bench.ts', small: [], city: [] },
  { file: 'libs/platform/src/outbox/outbox-append-many.bench.ts', small: [], city: [] },
  { file: 'libs/platform/src/outbox/outbox-relay.bench.ts', small: [], city: [] },
  { file: 'test/bench/worker-memory.bench.ts', small: [], city: [] },
  { file: 'test/bench/talent-pool-registration.bench.ts', small: [], city: [] },
  { file: 'libs/platform/src/auth/access.bench.ts', small: [], city: [] },
  // Services' batch paths against their raw SQL baselines.
  {
    file: 'apps/payroll/src/recalibration/recalibration.bench.ts',
    small: ['--size', '5000', '--chunk', '1000'],
    city: ['--size', '65000'],
  },
  { file: 'test/bench/training-compliance.bench.ts', small: ['--workers', '3000', '--chunk', '1000'], city: [] },
  { file: 'test/bench/appraisal-close.bench.ts', small: ['--city', '6000', '--district', '1000'], city: [] },
  { file: 'test/bench/workforce-report.bench.ts', small: ['--size', '6200', '--runs', '3'], city: ['--size', '62000'] },
  { file: 'apps/workforce/src/workers/workers-roster.bench.ts', small: ['--size', '6200', '--runs', '3'], city: ['--size', '62000'] },
  { file: 'test/bench/policy-recalibration.bench.ts', small: ['--size', '6500', '--runs', '2'], city: ['--size', '65000'] },
  { file: 'test/bench/workforce-generate.bench.ts', small: ['--size', '62000'], city: [] },
  { file: 'test/bench/policy-workflow-bundle.bench.ts', small: [], city: [] },
  // Issue 10: one recruitment campaign from registration to appointment (5,000: RECRUITMENT_BENCH_APPLICANTS=5000).
  { file: 'test/bench/recruitment-campaign.bench.ts', small: ['--applicants', '500'], city: ['--applicants', '20000'] },
];
