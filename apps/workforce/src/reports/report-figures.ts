/**
 * Turns the per-region sums of the report query into the QUOTA-6 figures, the PROM-3 title
 * structure and the age and education structures, with their explanation. Pure.
 */
import { ExplanationBuilder, roundTo, type Explanation, type PolicyVersion } from '@cwp/policy';
import { EDUCATION_LEVELS, type EducationLevel } from '@cwp/contracts';
import { educationColumn, type EducationColumn, type RegionSums } from './report.sql';

export const REGIONS = ['central', 'fringe', 'suburb'] as const;
export type Region = (typeof REGIONS)[number];
type Title = 'junior' | 'intermediate' | 'senior';
const TITLES: readonly Title[] = ['junior', 'intermediate', 'senior'];

export interface StaffingFigures {
  areas: number;
  streets: number;
  quota: number;
  /** Floating places (QUOTA-4) the areas hold, included in `quota`. */
  borrowedFloating: number;
  floating: { held: number; lent: number; available: number };
  headcount: number;
  vacancies: number;
  onDuty: number;
  onLeave: number;
  /** 在岗率 = on-duty workers / quota (QUOTA-6). */
  onDutyRate: number | null;
  exits: number;
  hires: number;
  headcountAtStart: number;
  headcountAtEnd: number;
  averageHeadcount: number;
  /** 流失率 = exits in the period / average headcount ((start + end) / 2). */
  turnoverRate: number | null;
  titles: {
    counts: Record<Title | 'none', number>;
    /** Shares among titled workers. */
    shares: Record<Title, number | null>;
    target: Record<Title, number>;
    tolerance: number;
    withinTolerance: boolean | null;
  };
  ages: { under30: number; from30to39: number; from40to49: number; from50: number };
  /** Current workers per education level, keyed by the shared vocabulary's codes (REC-4), lowest first. */
  education: Record<EducationLevel, number>;
}

export interface StaffingReportFigures {
  total: StaffingFigures;
  byRegion: Partial<Record<Region, StaffingFigures>>;
  explanation: Explanation;
}

const ZERO: RegionSums = {
  region: null,
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
  ...(Object.fromEntries(EDUCATION_LEVELS.map((level) => [educationColumn(level), 0])) as Record<EducationColumn, number>),
};

export function addSums(a: RegionSums, b: RegionSums): RegionSums {
  const out = { ...a, region: null } as RegionSums;
  for (const key of Object.keys(ZERO) as Array<keyof RegionSums>) {
    if (key !== 'region') (out as unknown as Record<string, number>)[key] = Number(a[key]) + Number(b[key]);
  }
  return out;
}

export function figuresOf(s: RegionSums, policy: PolicyVersion): StaffingFigures {
  const ratio = policy.promotion.titleRatio;
  const ratioSum = ratio.junior + ratio.intermediate + ratio.senior;
  const titled = s.title_junior + s.title_intermediate + s.title_senior;
  const counts = { junior: s.title_junior, intermediate: s.title_intermediate, senior: s.title_senior, none: s.title_none };
  const target = Object.fromEntries(TITLES.map((t) => [t, roundTo(ratio[t] / ratioSum, 4)])) as Record<Title, number>;
  const shares = Object.fromEntries(TITLES.map((t) => [t, titled === 0 ? null : roundTo(counts[t] / titled, 4)])) as Record<
    Title,
    number | null
  >;
  const tolerance = policy.promotion.tolerance;
  const averageHeadcount = (s.at_start + s.at_end) / 2;
  return {
    areas: s.areas,
    streets: s.streets,
    quota: s.quota,
    borrowedFloating: s.borrowed,
    floating: { held: s.floating_held, lent: s.floating_lent, available: s.floating_held - s.floating_lent },
    headcount: s.headcount,
    vacancies: s.vacancies,
    onDuty: s.on_duty,
    onLeave: s.on_leave,
    onDutyRate: s.quota === 0 ? null : roundTo(s.on_duty / s.quota, 4),
    exits: s.exits,
    hires: s.hires,
    headcountAtStart: s.at_start,
    headcountAtEnd: s.at_end,
    averageHeadcount,
    turnoverRate: averageHeadcount === 0 ? null : roundTo(s.exits / averageHeadcount, 4),
    titles: {
      counts,
      shares,
      target,
      tolerance,
      withinTolerance: titled === 0 ? null : TITLES.every((t) => Math.abs((shares[t] ?? 0) - target[t]) <= tolerance + 1e-9),
    },
    ages: { under30: s.age_under_30, from30to39: s.age_30_39, from40to49: s.age_40_49, from50: s.age_50_plus },
    education: Object.fromEntries(EDUCATION_LEVELS.map((level) => [level, s[educationColumn(level)]])) as Record<EducationLevel, number>,
  };
}

export function buildStaffingReport(
  rows: readonly RegionSums[],
  policy: PolicyVersion,
  inputs: { unitCode: string; from: string; to: string },
): StaffingReportFigures {
  const totalSums = rows.reduce(addSums, ZERO);
  const total = figuresOf(totalSums, policy);
  const byRegion: Partial<Record<Region, StaffingFigures>> = {};
  for (const row of rows) if (row.region) byRegion[row.region] = figuresOf(row, policy);
  const r = policy.promotion.titleRatio;
  const explanation = new ExplanationBuilder({ ...inputs }, policy.id)
    .step(
      'QUOTA-6',
      `Quota ${total.quota} (areas' quotas incl. ${total.borrowedFloating} borrowed floating places, plus street centres); headcount ${total.headcount}; vacancies ${total.vacancies} counted per unit`,
      total.quota,
    )
    .step(
      'QUOTA-6',
      `On-duty rate (在岗率) = on-duty ${total.onDuty} / quota ${total.quota} = ${total.onDutyRate ?? 'n/a'}`,
      total.onDutyRate,
    )
    .step(
      'QUOTA-6',
      `Turnover (流失率) = exits ${total.exits} from ${inputs.from} to ${inputs.to} / average headcount ((${total.headcountAtStart} + ${total.headcountAtEnd}) / 2) = ${total.turnoverRate ?? 'n/a'}`,
      total.turnoverRate,
    )
    .step(
      'PROM-3',
      `Title structure junior:intermediate:senior against ${r.junior}:${r.intermediate}:${r.senior} (tolerance ${policy.promotion.tolerance}): ${total.titles.withinTolerance === null ? 'no titled workers' : total.titles.withinTolerance ? 'within' : 'outside'} tolerance`,
      total.titles.shares,
    )
    .step('ORG-4', `Broken down by region kind: ${Object.keys(byRegion).join(', ') || 'none'}`)
    .build();
  return { total, byRegion, explanation };
}
