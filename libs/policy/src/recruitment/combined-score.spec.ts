import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { parsePolicyVersion } from '../parameters/parse-policy-version';
import { SHIPPED_POLICY_VERSIONS } from '../parameters/shipped-versions';
import { combinedScore } from './combined-score';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('combinedScore', () => {
  it('REC-6 weights written 40%, interview 40%, internship 20% in the shipped version', () => {
    const d = combinedScore(policy, { written: 80, interview: 70, internship: 90 });
    expect(d.value.score).toBe(78);
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['REC-1', 'REC-6']);
  });

  it('REC-6 the internship weight is a parameter', () => {
    const raw = structuredClone(SHIPPED_POLICY_VERSIONS[0]) as Record<string, any>;
    raw.recruitment.scoreWeights = { written: 0.35, interview: 0.35, internship: 0.3 };
    expect(combinedScore(parsePolicyVersion(raw), { written: 80, interview: 70, internship: 90 }).value.score).toBe(79.5);
  });

  it('REC-6 rounds to two decimals and rejects scores outside 0..100', () => {
    expect(combinedScore(policy, { written: 77.77, interview: 66.66, internship: 55.55 }).value.score).toBe(68.88);
    expect(() => combinedScore(policy, { written: 101, interview: 70, internship: 90 })).toThrow(
      /^written: 101 is outside 0\.\.100 \(REC-6\)$/,
    );
  });
});
