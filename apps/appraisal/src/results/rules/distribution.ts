import { ExplanationBuilder, type Explanation } from '@cwp/policy';

export interface UnitDistribution {
  unitCode: string;
  total: number;
  excellent: number;
}

export interface DistributionCheck {
  unitCode: string;
  total: number;
  excellent: number;
  /** Most excellent grades the unit may hold: floor(limit × total), at least one. */
  allowed: number;
  over: boolean;
}

/**
 * APPR-2 calibration: a unit may hold at most `limit` (a share) of excellent grades, rounded down
 * but never below one, so a small unit can still have one excellent worker. The study found
 * appraisal too coarse (APPR-4): the limit keeps grades from collapsing into 优秀.
 */
export function checkDistribution(
  units: readonly UnitDistribution[],
  limit: number,
): { checks: DistributionCheck[]; explanation: Explanation } {
  const checks = units.map((u) => {
    const allowed = Math.max(1, Math.floor(limit * u.total));
    return { ...u, allowed, over: u.excellent > allowed };
  });
  const over = checks.filter((c) => c.over).map((c) => c.unitCode);
  const explanation = new ExplanationBuilder({ limit, units: units.length })
    .step(
      'APPR-2',
      `At most ${Math.round(limit * 1000) / 10}% excellent per unit (at least one): ${over.length === 0 ? 'every unit within' : `over in ${over.join(', ')}`}`,
      over,
    )
    .build();
  return { checks, explanation };
}
