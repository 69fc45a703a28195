/**
 * The quota figures the service stores, each with its explanation, composed from @cwp/policy's
 * rules (QUOTA-1..5). Pure: parameters and inputs in, Decision out.
 */
import {
  areaQuotaRange,
  ExplanationBuilder,
  proposeQuotaAdjustment,
  streetCentreQuota,
  type Decision,
  type PolicyVersion,
} from '@cwp/policy';

export interface AreaQuotaFigure {
  value: number;
  min: number;
  max: number;
}

/**
 * QUOTA-1/2 range, and the size target of QUOTA-5 as the area's first quota (an area without a
 * quota yet has nothing to adjust "a little" from).
 */
export function initialAreaQuota(policy: PolicyVersion, households: number): Decision<AreaQuotaFigure> {
  const range = areaQuotaRange(policy, households);
  const sized = proposeQuotaAdjustment(policy, { currentQuota: range.value.min, households });
  const ex = new ExplanationBuilder({ households }, policy.id);
  for (const s of range.explanation.steps) ex.step(s.rule, s.say, s.value);
  const targetStep = sized.explanation.steps.find((s) => s.rule === 'QUOTA-5');
  if (targetStep) ex.step(targetStep.rule, targetStep.say, targetStep.value);
  const value = sized.value.target;
  ex.step('QUOTA-5', `First quota of the area: the size target ${value}`, value);
  return ex.decide({ value, min: range.value.min, max: range.value.max });
}

/** QUOTA-5: the yearly review of one area from its current quota and current households. */
export function reviewAreaQuota(
  policy: PolicyVersion,
  currentQuota: number,
  households: number,
): Decision<AreaQuotaFigure & { change: number }> {
  const proposal = proposeQuotaAdjustment(policy, { currentQuota, households });
  const { proposedQuota, range, change } = proposal.value;
  return { value: { value: proposedQuota, min: range.min, max: range.max, change }, explanation: proposal.explanation };
}

/** QUOTA-3: the six centres of a street share one quota. */
export function centreQuota(policy: PolicyVersion): Decision<number> {
  const decision = streetCentreQuota(policy);
  return { value: decision.value.quota, explanation: decision.explanation };
}

/**
 * QUOTA-4: the floating quota a street holds to lend to its areas. POLICY.md gives no size; the
 * service's parameter (a percentage of the street's area quotas, rounded up) sets it.
 */
export function floatingQuota(policyId: string, areaQuotaSum: number, percent: number, areas: number): Decision<number> {
  const value = Math.ceil((areaQuotaSum * percent) / 100);
  return new ExplanationBuilder({ areaQuotaSum, areas, floatingQuotaPercent: percent }, policyId)
    .step(
      'QUOTA-4',
      `The street holds a floating quota of ${percent}% of its ${areas} areas' quotas (${areaQuotaSum}), rounded up: ${value}`,
      value,
    )
    .decide(value);
}
