import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { appraisalScore } from './yearly-score';

const policy = defaultPolicyCatalog().byId('2016-current');
const flat = (n: number) => ({ morality: n, ability: n, diligence: n, performance: n, integrity: n });

describe('appraisalScore', () => {
  it('APPR-1/APPR-3 combines five dimensions and three rater sources with the version weights', () => {
    // Dimensions 0.2/0.2/0.2/0.3/0.1; sources management 0.5, peers 0.2, residents 0.3.
    const d = appraisalScore(policy, {
      management: { morality: 90, ability: 80, diligence: 85, performance: 70, integrity: 100 },
      peers: flat(80),
      residents: flat(60),
    });
    // management: 18 + 16 + 17 + 21 + 10 = 82; total 0.5·82 + 0.2·80 + 0.3·60 = 75
    expect(d.value.bySource).toEqual({ management: 82, peers: 80, residents: 60 });
    expect(d.value.score).toBe(75);
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['APPR-1', 'APPR-3']);
  });

  it('APPR-3 renormalises the weights when a source did not rate, and says so', () => {
    const d = appraisalScore(policy, { management: flat(90), peers: flat(60) });
    // 0.5/0.7 · 90 + 0.2/0.7 · 60 = 81.43
    expect(d.value.score).toBe(81.43);
    expect(d.explanation.steps.some((s) => s.say.includes('residents did not rate'))).toBe(true);
  });

  it('APPR-1 rejects a dimension score outside 0..100 naming it', () => {
    expect(() => appraisalScore(policy, { peers: { ...flat(80), integrity: 120 } })).toThrow(
      /^ratings\.peers\.integrity: 120 is outside 0\.\.100 \(APPR-1\)$/,
    );
    expect(() => appraisalScore(policy, {})).toThrow(/^ratings: /);
  });
});
