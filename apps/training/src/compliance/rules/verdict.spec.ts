import { defaultPolicyCatalog, trainingCompliance } from '@cwp/policy';
import type { ComplianceInputRow } from '../compliance.row';
import { explainVerdict, transitionOf, verdictOf } from './verdict';

const policy = defaultPolicyCatalog().byId('2016-current');
const row = (over: Partial<ComplianceInputRow> = {}): ComplianceInputRow => ({
  workerId: 'w-1',
  unitCode: '310101002001',
  hiredOn: '2020-03-01',
  hours: 80,
  offJobYears: [2025],
  fourOnes: { 'study-visit': '2021-01-01', secondment: '2021-06-01', 'research-topic': '2022-01-01', 'innovation-project': '2022-06-01' },
  wasCompliant: null,
  ...over,
});

describe('compliance verdict', () => {
  it('TRAIN-3 80 hours meet the year, 79 do not (the rule named)', () => {
    expect(verdictOf(policy, 2026, row()).compliant).toBe(true);
    const short = verdictOf(policy, 2026, row({ hours: 79 }));
    expect(short).toMatchObject({ compliant: false, failedRules: ['TRAIN-3'], requiredHours: 80, hours: 79 });
    expect(explainVerdict(policy, short).rules.map((r) => r.id)).toContain('TRAIN-3');
  });

  it('the explanation rebuilt from the stored inputs is the one the run decided (TRAIN-2, TRAIN-3, TRAIN-4)', () => {
    for (const r of [
      row(),
      row({ hours: 79.46, offJobYears: [], fourOnes: null }),
      row({ hiredOn: '2026-05-01', fourOnes: { secondment: '2026-06-01' } }),
    ]) {
      const decided = trainingCompliance(policy, {
        year: 2026,
        serviceStart: r.hiredOn,
        hours: Math.round(r.hours * 10) / 10,
        offJobYears: r.offJobYears,
        fourOnes: r.fourOnes ?? {},
      });
      expect(explainVerdict(policy, verdictOf(policy, 2026, r))).toEqual(decided.explanation);
    }
  });

  it('TRAIN-4 no off-the-job training in the two-year window is a shortfall', () => {
    expect(verdictOf(policy, 2026, row({ offJobYears: [2023] })).failedRules).toEqual(['TRAIN-4']);
  });

  it('TRAIN-2 four ones overdue after three years is a shortfall', () => {
    expect(verdictOf(policy, 2026, row({ fourOnes: null })).failedRules).toEqual(['TRAIN-2']);
  });

  it('a shortfall is published once; a cleared one after a shortfall only', () => {
    expect(transitionOf(null, false)).toBe('shortfall');
    expect(transitionOf(true, false)).toBe('shortfall');
    expect(transitionOf(false, false)).toBeNull();
    expect(transitionOf(false, true)).toBe('cleared');
    expect(transitionOf(null, true)).toBeNull();
  });
});
