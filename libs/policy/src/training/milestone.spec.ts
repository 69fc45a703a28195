import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { developmentMilestone } from './milestone';

const policy = defaultPolicyCatalog().byId('2016-current');
const all = {
  'study-visit': '2027-05-01',
  secondment: '2028-03-01',
  'research-topic': '2028-09-01',
  'innovation-project': '2029-01-15',
} as const;

describe('developmentMilestone', () => {
  it('TRAIN-2 all four ones before the third anniversary: qualified', () => {
    const d = developmentMilestone(policy, { milestone: 'qualified', serviceStart: '2026-03-01', fourOnes: all });
    expect(d.value).toEqual({ milestone: 'qualified', on: '2029-03-01', met: true, missing: [] });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['TRAIN-2']);
  });

  it('TRAIN-2 one missing and one done on the deadline: not qualified, both named', () => {
    const d = developmentMilestone(policy, {
      milestone: 'qualified',
      serviceStart: '2026-03-01',
      fourOnes: { 'study-visit': '2027-05-01', secondment: '2028-03-01', 'research-topic': '2029-03-01' },
    });
    expect(d.value).toMatchObject({ met: false, missing: ['research-topic', 'innovation-project'] });
  });

  it('TRAIN-2 TRAIN-3 mature at seven years when qualified and no year short since', () => {
    const d = developmentMilestone(policy, { milestone: 'mature', serviceStart: '2026-03-01', fourOnes: all, shortYears: [] });
    expect(d.value).toEqual({ milestone: 'mature', on: '2033-03-01', met: true, missing: [] });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['TRAIN-2', 'TRAIN-3']);
  });

  it('TRAIN-2 TRAIN-3 a year short of training delays maturity', () => {
    expect(
      developmentMilestone(policy, { milestone: 'mature', serviceStart: '2026-03-01', fourOnes: all, shortYears: [2031] }).value.met,
    ).toBe(false);
  });

  it('TRAIN-2 rejects a malformed date naming the field', () => {
    expect(() =>
      developmentMilestone(policy, { milestone: 'qualified', serviceStart: '2026-03-01', fourOnes: { secondment: '2028-13-01' } }),
    ).toThrow(/^fourOnes\.secondment: /);
  });
});
