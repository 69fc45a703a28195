import { PolicyError } from '../explain/policy-error';
import { parsePolicyVersion } from './parse-policy-version';
import { SHIPPED_POLICY_VERSIONS } from './shipped-versions';

const current = SHIPPED_POLICY_VERSIONS[0] as Record<string, any>;
/** A deep copy of the current version with one change applied. */
function variant(change: (v: Record<string, any>) => void): unknown {
  const v = structuredClone(current);
  change(v);
  return v;
}
function problemsOf(raw: unknown): readonly string[] {
  try {
    parsePolicyVersion(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    expect((e as PolicyError).code).toBe('POLICY_PARAMETERS_INVALID');
    return (e as PolicyError).issues;
  }
  throw new Error('expected the version to be rejected');
}

describe('parsePolicyVersion', () => {
  it('accepts both shipped versions', () => {
    for (const raw of SHIPPED_POLICY_VERSIONS) expect(() => parsePolicyVersion(raw)).not.toThrow();
  });

  it('PAY-3 rejects a multiplier outside 1..1.5, naming the field', () => {
    expect(
      problemsOf(
        variant((v) => {
          v.pay.band.max = 1.6;
          v.pay.multiplier = 1.6;
        }),
      ),
    ).toEqual(expect.arrayContaining(['pay.band.max: 1.6 is outside 1..1.5 (PAY-3)', 'pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)']));
    expect(
      problemsOf(
        variant((v) => {
          v.pay.band.min = 0.9;
        }),
      ),
    ).toContain('pay.band.min: 0.9 is outside 1..1.5 (PAY-3)');
  });

  it("PAY-3 rejects a multiplier outside the version's own band", () => {
    expect(
      problemsOf(
        variant((v) => {
          v.pay.multiplier = 1.45;
        }),
      ),
    ).toContain('pay.multiplier: 1.45 is outside the band 1..1.4 (PAY-3)');
  });

  it('PAY-5 rejects a performance share above 100%', () => {
    expect(
      problemsOf(
        variant((v) => {
          v.pay.performanceShare[0].share = 1.2;
        }),
      ),
    ).toContain('pay.performanceShare[0].share: 1.2 is outside 0..1 (PAY-5)');
  });

  it('QUOTA-2 rejects a quota step outside 300..400 households', () => {
    expect(
      problemsOf(
        variant((v) => {
          v.quota.extraStepHouseholds.min = 250;
        }),
      ),
    ).toContain('quota.extraStepHouseholds.min: 250 is outside 300..400 (QUOTA-2)');
    expect(
      problemsOf(
        variant((v) => {
          v.quota.extraStepHouseholds.max = 450;
        }),
      ),
    ).toContain('quota.extraStepHouseholds.max: 450 is outside 300..400 (QUOTA-2)');
  });

  it('POOL-2 rejects a reserve period outside one to two years', () => {
    expect(
      problemsOf(
        variant((v) => {
          v.pool.reservePeriodMonths.max = 36;
        }),
      ),
    ).toContain('pool.reservePeriodMonths.max: 36 is outside 12..24 (POOL-2)');
  });

  it('REC-6 and APPR-1/APPR-3 reject weights that do not sum to 1', () => {
    expect(
      problemsOf(
        variant((v) => {
          v.recruitment.scoreWeights.internship = 0.3;
        }),
      ),
    ).toEqual(['recruitment.scoreWeights: weights sum to 1.1, not 1 (REC-6)']);
    expect(
      problemsOf(
        variant((v) => {
          v.appraisal.raterWeights.peers = 0.1;
        }),
      )[0],
    ).toMatch(/^appraisal\.raterWeights: weights sum to 0\.9/);
  });

  it('APPR-2 and PAY-5 reject grade orders that are not monotonic', () => {
    expect(
      problemsOf(
        variant((v) => {
          v.appraisal.gradeFloors.qualified = 95;
        }),
      ),
    ).toContain('appraisal.gradeFloors: floors must descend strictly: excellent > qualified > basicallyQualified (APPR-2)');
    expect(
      problemsOf(
        variant((v) => {
          v.pay.gradePerformanceWeights['basically-qualified'] = 1;
        }),
      )[0],
    ).toMatch(/^pay\.gradePerformanceWeights/);
  });

  it('reports missing fields, unknown fields, unknown rule IDs and bad dates, all at once', () => {
    const issues = problemsOf(
      variant((v) => {
        delete v.training.minHoursPerYear;
        v.quota.areaMinimum = 7;
        v.sets.push('QUOTA-99');
        v.effectiveFrom = '2016-13-01';
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'training.minHoursPerYear: must be a number, got nothing (TRAIN-3)',
        'quota.areaMinimum: is not a known field',
        `sets[${current.sets.length}]: "QUOTA-99" is not a rule ID of POLICY.md`,
      ]),
    );
    expect(issues.some((i) => i.startsWith('effectiveFrom:'))).toBe(true);
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf(null)[0]).toBe('(root): must be an object');
  });

  it('returns a frozen version', () => {
    const v = parsePolicyVersion(current);
    expect(Object.isFrozen(v.pay.band)).toBe(true);
  });
});
