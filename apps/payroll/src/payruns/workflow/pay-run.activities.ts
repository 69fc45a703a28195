import { SYSTEM_PRINCIPAL } from '@cwp/platform';
import type { MonthlyPayRunActivities } from '@cwp/payroll-workflows';
import type { PayRunsService } from '../pay-runs.service';

/** The monthly pay-run workflow's activity: one set-based run per period, idempotent by period. */
export function createPayRunActivities(payRuns: PayRunsService): MonthlyPayRunActivities {
  return {
    runPayRun: async ({ period }) => {
      const run = await payRuns.run(period, SYSTEM_PRINCIPAL);
      return { period: run.period, workers: run.workers };
    },
  };
}
