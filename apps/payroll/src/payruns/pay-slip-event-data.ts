import type { SlipPaidData } from '@cwp/contracts';
import type { SlipEventRow } from './pay-run.row';

/** The slip-paid event of a slip (PAY-2, PAY-5, PAY-6): ids, codes and fen only, no personal data. */
export function slipEventData(row: SlipEventRow, policyVersion: string): SlipPaidData {
  const performance =
    row.poolUnitCode === null
      ? null
      : {
          poolUnitCode: row.poolUnitCode,
          grade: row.grade,
          appraisalYear: row.appraisalYear!,
          instalment: row.instalment!,
          instalments: row.instalments!,
          shareFen: row.shareFen!,
        };
  return {
    workerId: row.workerId,
    unitCode: row.unitCode,
    period: row.period,
    policyVersion,
    annualFen: row.annualFen,
    baseFen: row.baseFen,
    performanceFen: row.performanceFen,
    arrearsFen: row.arrearsFen,
    totalFen: row.baseFen + row.performanceFen + row.arrearsFen,
    performance,
    rules: performance ? ['PAY-2', 'PAY-3', 'PAY-5', 'PAY-6'] : ['PAY-2', 'PAY-3'],
  };
}
