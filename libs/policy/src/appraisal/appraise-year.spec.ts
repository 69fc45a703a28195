import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { appraiseYear } from './appraise-year';

const policy = defaultPolicyCatalog().byId('2016-current');
const flat = (n: number) => ({ morality: n, ability: n, diligence: n, performance: n, integrity: n });

describe('appraiseYear', () => {
  it('APPR-1/2/3/5 a recruited worker scored 55 after an unqualified year enters the EXIT-3 cause 1 route', () => {
    const d = appraiseYear(policy, {
      ratings: { management: flat(55), peers: flat(55), residents: flat(55) },
      previousGrade: 'unqualified',
      entryRoute: 'recruited',
    });
    expect(d.value).toMatchObject({
      score: 55,
      grade: 'unqualified',
      consequence: { action: 'contract-termination-route', exitCause: 'unqualified-two-years' },
    });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['APPR-1', 'APPR-3', 'APPR-2', 'APPR-5', 'ORG-3', 'EXIT-3']);
  });

  it('APPR-2 a street grading directly needs no ratings', () => {
    const d = appraiseYear(policy, { grade: 'excellent', entryRoute: 'elected' });
    expect(d.value).toEqual({
      grade: 'excellent',
      gradeDisagreesWithScore: false,
      consequence: { action: 'none', admonishment: false, consecutiveUnqualified: false },
    });
  });
});
