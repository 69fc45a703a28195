import type { SlipEventRow } from './pay-run.row';
import { slipEventData } from './pay-slip-event-data';

const slip: SlipEventRow = {
  period: '2027-09',
  workerId: 'w-1',
  unitCode: '310101002001',
  annualFen: 17_280_011,
  baseFen: 1_008_001,
  performanceFen: 2_120_727,
  arrearsFen: -12,
  poolUnitCode: '310101002001',
  grade: 'excellent',
  shareFen: 2_120_727,
  appraisalYear: 2026,
  instalment: 3,
  instalments: 4,
};

describe('slip-paid event data (PAY-2, PAY-5, PAY-6)', () => {
  it('PAY-6: carries base, the pool share with grade and instalment, and arrears that add up to the total', () => {
    const data = slipEventData(slip, '2027-proposal');
    expect(data.totalFen).toBe(1_008_001 + 2_120_727 - 12);
    expect(data.performance).toEqual({
      poolUnitCode: '310101002001',
      grade: 'excellent',
      appraisalYear: 2026,
      instalment: 3,
      instalments: 4,
      shareFen: 2_120_727,
    });
    expect(data.rules).toEqual(['PAY-2', 'PAY-3', 'PAY-5', 'PAY-6']);
  });

  it('PAY-5: a month with no pool line carries no performance part and cites only base and arrears rules', () => {
    const data = slipEventData(
      {
        ...slip,
        performanceFen: 0,
        poolUnitCode: null,
        grade: null,
        shareFen: null,
        appraisalYear: null,
        instalment: null,
        instalments: null,
      },
      '2027-proposal',
    );
    expect(data).toMatchObject({ performance: null, performanceFen: 0, rules: ['PAY-2', 'PAY-3'] });
  });
});
