/**
 * Cross-cutting checks on every decision: it names at least one rule, every rule it names exists
 * in RULES (with both titles), every step's rule is cited, and it survives JSON (APIs, events and
 * workflow results carry it).
 */
import fc from 'fast-check';
import * as policy from '../index';
import { RULES, type RuleId } from './rules';

const catalog = policy.defaultPolicyCatalog();
const current = catalog.byId('2016-current');
const proposal = catalog.byId('2027-proposal');
const wage2013 = { year: 2013, annualFen: 6_043_500 };

/** POLICY.md's rule IDs (the file lives outside the repository, so the list is kept here). */
const POLICY_MD_IDS = [
  ...[1, 2, 3, 4].map((n) => `ORG-${n}`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `QUOTA-${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `POST-${n}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `REC-${n}`),
  ...[1, 2, 3].map((n) => `POOL-${n}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `TRAIN-${n}`),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => `APPR-${n}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `PAY-${n}`),
  ...[1, 2, 3, 4].map((n) => `PROM-${n}`),
  ...[1, 2, 3].map((n) => `EXIT-${n}`),
];

function expectWellExplained(d: policy.Decision<unknown>): void {
  const ids = d.explanation.rules.map((r) => r.id);
  expect(ids.length).toBeGreaterThan(0);
  for (const r of d.explanation.rules) {
    expect(RULES[r.id as RuleId]).toEqual({ titleEn: r.titleEn, titleZh: r.titleZh });
  }
  for (const s of d.explanation.steps) expect(ids).toContain(s.rule);
  expect(JSON.parse(JSON.stringify(d))).toEqual(d);
}

const samples: Array<[string, () => policy.Decision<unknown>]> = [
  ['areaQuotaRange', () => policy.areaQuotaRange(current, 2750)],
  ['streetCentreQuota', () => policy.streetCentreQuota(current, { culture: 3 })],
  ['floatingQuotaBalance', () => policy.floatingQuotaBalance(5, [{ areaCode: 'a', places: 1 }])],
  ['proposeQuotaAdjustment', () => policy.proposeQuotaAdjustment(current, { currentQuota: 8, households: 2400 })],
  ['staffingReport', () => policy.staffingReport({ quota: 9, headcount: 8, onDuty: 7, leavers: 1 })],
  [
    'checkEligibility',
    () =>
      policy.checkEligibility(
        current,
        { birthDate: '1990-01-01', education: 'bachelor', freshGraduate: false, certificates: [], communityYears: 2 },
        {},
        '2026-11-24',
      ),
  ],
  [
    'checkReserveCadre',
    () =>
      policy.checkReserveCadre(
        current,
        { birthDate: '1995-01-01', education: 'master', certificates: [], lastGrade: 'qualified' },
        '2026-11-24',
      ),
  ],
  ['combinedScore', () => policy.combinedScore(current, { written: 70, interview: 80, internship: 90 })],
  ['recruitmentRoundsPerYear', () => policy.recruitmentRoundsPerYear(proposal)],
  ['publicityPeriod', () => policy.publicityPeriod(current, '2026-11-24')],
  ['reservePeriod', () => policy.reservePeriod(current, 18)],
  ['reserveSchedule', () => policy.reserveSchedule(current, '2026-11-24', 24)],
  ['reserveStatus', () => policy.reserveStatus({ expiresOn: '2027-01-01', today: '2026-01-01' })],
  [
    'appraisalScore',
    () => policy.appraisalScore(current, { peers: { morality: 80, ability: 80, diligence: 80, performance: 80, integrity: 80 } }),
  ],
  ['gradeForScore', () => policy.gradeForScore(current, 65)],
  ['awardGrade', () => policy.awardGrade(current, { grade: 'qualified', score: 50 })],
  ['appraisalConsequence', () => policy.appraisalConsequence({ grade: 'unqualified', entryRoute: 'recruited' })],
  ['monthlyBasePay', () => policy.monthlyBasePay(current, { category: 'manager', level: 4, yearsOfService: 11 })],
  ['payMatrix', () => policy.payMatrix(current, 3)],
  [
    'recalibrate',
    () =>
      policy.recalibrate(current, {
        payYear: 2018,
        referenceWage: wage2013,
        workers: [{ id: 'w', category: 'staff', level: 3, yearsOfService: 2 }],
      }),
  ],
  [
    'performancePool',
    () => policy.performancePool(current, { payYear: 2018, quota: 9, referenceWage: wage2013, members: [{ id: 'w', grade: 'qualified' }] }),
  ],
  [
    'poolInstalment',
    () =>
      policy.poolInstalment(current, {
        payYear: 2018,
        month: 12,
        quota: 9,
        referenceWage: wage2013,
        gradeCounts: { qualified: 2, excellent: 1 },
      }),
  ],
  ['checkTitlePromotion', () => policy.checkTitlePromotion(current, { junior: 4, intermediate: 4, senior: 2 }, 'junior', 'intermediate')],
  ['nextRole', () => policy.nextRole('specialist')],
  ['nextTitle', () => policy.nextTitle('junior')],
  [
    'trainingCompliance',
    () => policy.trainingCompliance(current, { year: 2026, serviceStart: '2019-01-01', hours: 10, offJobYears: [], fourOnes: {} }),
  ],
  ['assessExitCauses', () => policy.assessExitCauses({ entryRoute: 'recruited' })],
];

describe('explanations', () => {
  it('RULES covers exactly the rule IDs of POLICY.md, each with English and Chinese titles', () => {
    expect(Object.keys(RULES).sort()).toEqual([...POLICY_MD_IDS].sort());
    for (const t of Object.values(RULES)) {
      expect(t.titleEn.length).toBeGreaterThan(3);
      expect(t.titleZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(samples)("%s names existing rules, cites every step's rule and survives JSON", (_name, make) => {
    expectWellExplained(make());
  });

  it('property: every explanation names at least one rule ID, for any input the decisions accept', () => {
    const decisions = fc.oneof(
      fc.integer({ min: -10, max: 50_000 }).map((h) => () => policy.areaQuotaRange(proposal, h)),
      fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10_000 })).map(
        ([q, h]) =>
          () =>
            policy.proposeQuotaAdjustment(current, { currentQuota: q, households: h }),
      ),
      // `+ 0` turns -0 into 0: JSON has no negative zero, and nobody enters one as a score.
      fc.double({ min: -5, max: 105, noNaN: true }).map((s) => () => policy.gradeForScore(current, s + 0)),
      fc.integer({ min: 6, max: 30 }).map((m) => () => policy.reservePeriod(current, m)),
      fc
        .tuple(
          fc.constantFrom(...policy.GRADES),
          fc.option(fc.constantFrom(...policy.GRADES), { nil: undefined }),
          fc.constantFrom('elected' as const, 'recruited' as const),
        )
        .map(
          ([grade, previousGrade, entryRoute]) =>
            () =>
              policy.appraisalConsequence(previousGrade === undefined ? { grade, entryRoute } : { grade, previousGrade, entryRoute }),
        ),
      fc
        .record({
          seriousBreach: fc.boolean(),
          dutyFailure: fc.boolean(),
          correctedAfterEducation: fc.boolean(),
          majorHarm: fc.boolean(),
          seriousDereliction: fc.boolean(),
        })
        .map((f) => () => policy.assessExitCauses({ entryRoute: 'recruited', ...f })),
      fc.tuple(fc.constantFrom(...policy.POST_CATEGORIES), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 45 })).map(
        ([category, level, yearsOfService]) =>
          () =>
            policy.monthlyBasePay(current, { category, level, yearsOfService }),
      ),
    );
    fc.assert(
      fc.property(decisions, (make) => {
        let d: policy.Decision<unknown>;
        try {
          d = make();
        } catch (e) {
          // Rejected input is fine, but only as a PolicyError naming a field.
          expect(e).toBeInstanceOf(policy.PolicyError);
          expect((e as policy.PolicyError).field.length).toBeGreaterThan(0);
          return;
        }
        expectWellExplained(d);
      }),
    );
  });
});
