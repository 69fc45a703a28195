import { EDUCATION_LEVELS } from '@cwp/contracts';
import { defaultPolicyCatalog } from '@cwp/policy';
import { addSums, buildStaffingReport, figuresOf } from './report-figures';
import { ageBandBoundaries, STAFFING_REPORT_SQL, type RegionSums } from './report.sql';

const policy = defaultPolicyCatalog().inForce('2026-07-01');

function sums(overrides: Partial<RegionSums>): RegionSums {
  return {
    region: 'central',
    areas: 0,
    streets: 0,
    quota: 0,
    borrowed: 0,
    floating_held: 0,
    floating_lent: 0,
    vacancies: 0,
    headcount: 0,
    on_duty: 0,
    on_leave: 0,
    exits: 0,
    hires: 0,
    at_start: 0,
    at_end: 0,
    title_junior: 0,
    title_intermediate: 0,
    title_senior: 0,
    title_none: 0,
    age_under_30: 0,
    age_30_39: 0,
    age_40_49: 0,
    age_50_plus: 0,
    edu_below_junior_college: 0,
    edu_junior_college: 0,
    edu_bachelor: 0,
    edu_master: 0,
    edu_doctorate: 0,
    ...overrides,
  };
}

describe('staffing report figures', () => {
  it('QUOTA-6: on-duty rate is on-duty workers over the quota', () => {
    expect(figuresOf(sums({ quota: 200, on_duty: 150, headcount: 160 }), policy).onDutyRate).toBe(0.75);
    expect(figuresOf(sums({ quota: 0 }), policy).onDutyRate).toBeNull();
  });

  it('QUOTA-6: turnover is exits in the period over the average headcount', () => {
    const f = figuresOf(sums({ exits: 12, at_start: 100, at_end: 140 }), policy);
    expect(f.averageHeadcount).toBe(120);
    expect(f.turnoverRate).toBe(0.1);
  });

  it('PROM-3: a 4:4:2 title structure is within tolerance, a junior-heavy one is not', () => {
    const balanced = figuresOf(sums({ title_junior: 41, title_intermediate: 39, title_senior: 20, title_none: 30 }), policy);
    expect(balanced.titles.withinTolerance).toBe(true);
    expect(balanced.titles.target).toEqual({ junior: 0.4, intermediate: 0.4, senior: 0.2 });
    expect(balanced.titles.shares.junior).toBe(0.41);
    const skewed = figuresOf(sums({ title_junior: 70, title_intermediate: 20, title_senior: 10 }), policy);
    expect(skewed.titles.withinTolerance).toBe(false);
    expect(figuresOf(sums({}), policy).titles.withinTolerance).toBeNull();
  });

  it('ORG-4: totals add the regions up; each region keeps its own figures', () => {
    const rows = [
      sums({ region: 'central', quota: 100, headcount: 90, on_duty: 80 }),
      sums({ region: 'suburb', quota: 50, headcount: 45, on_duty: 45 }),
    ];
    const report = buildStaffingReport(rows, policy, { unitCode: '31', from: '2026-01-01', to: '2026-06-30' });
    expect(report.total).toMatchObject({ quota: 150, headcount: 135, onDuty: 125 });
    expect(Object.keys(report.byRegion)).toEqual(['central', 'suburb']);
    expect(report.byRegion.suburb?.onDutyRate).toBe(0.9);
    expect(report.explanation.rules.map((r) => r.id)).toEqual(['QUOTA-6', 'PROM-3', 'ORG-4']);
    expect(addSums(rows[0]!, rows[1]!).region).toBeNull();
  });

  it('REC-4: the education structure is keyed by the shared vocabulary codes, lowest first, each counted by the query', () => {
    const f = figuresOf(
      sums({ edu_below_junior_college: 3, edu_junior_college: 5, edu_bachelor: 7, edu_master: 2, edu_doctorate: 1 }),
      policy,
    );
    expect(f.education).toEqual({ 'below-junior-college': 3, 'junior-college': 5, bachelor: 7, master: 2, doctorate: 1 });
    expect(Object.keys(f.education)).toEqual([...EDUCATION_LEVELS]);
    for (const level of EDUCATION_LEVELS) expect(STAFFING_REPORT_SQL).toContain(`education = '${level}'`);
  });

  it('age bands are counted to the period end; 29 February falls back to the 28th', () => {
    expect(ageBandBoundaries('2026-06-30')).toEqual(['1996-06-30', '1986-06-30', '1976-06-30']);
    expect(ageBandBoundaries('2024-02-29')).toEqual(['1994-02-28', '1984-02-28', '1974-02-28']);
  });
});
