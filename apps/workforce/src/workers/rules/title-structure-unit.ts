import { DomainError } from '@cwp/platform';
import type { Decision, TitlePromotionCheck } from '@cwp/policy';
import { WorkforceError } from '../../core';

/**
 * PROM-3 says the 4:4:2 title structure is "controlled at district and street level". We check it
 * on the worker's STREET: the street and all its residential areas (the code's first 9 digits, so
 * the subtree `LIKE '310101002%'`). Why the street and not the area or the district:
 * - the street/town is the employer (ORG-1: the contract is with its community-worker affairs
 *   office) and the lowest level PROM-3 names; an area's 7–11 workers (QUOTA-1) are too few for a
 *   ratio to mean anything (one promotion moves a share by ten points or more);
 * - the district is the other level PROM-3 names, but checking it alone would let one street fill
 *   up with seniors while others have none, which is what a street-level control prevents.
 * Workers counted: everyone not exited (on duty or on leave) who holds a title.
 */
export function titleStructureUnitOf(unitCode: string): string {
  if (!/^31\d{7}(\d{3})?$/.test(unitCode)) throw new Error(`unit ${unitCode} is neither a street nor an area`);
  return unitCode.slice(0, 9);
}

/** A 422 TITLE_STRUCTURE_EXCEEDED naming `toTitle` with every figure of the refused check (counts, shares, target, tolerance). */
export function titleStructureExceeded(
  street: string,
  decision: Decision<TitlePromotionCheck>,
  current: Readonly<Record<string, number>>,
  tolerance: number,
): DomainError {
  const { after, sharesAfter, targetShares, ceilingShare } = decision.value;
  const to = String(decision.explanation.inputs.to);
  return new DomainError(
    WorkforceError.TITLE_STRUCTURE_EXCEEDED,
    `Promotion to ${to} would put street ${street} at a ${to} share of ${sharesAfter[to as keyof typeof sharesAfter]}, above its target ${targetShares[to as keyof typeof targetShares]} + tolerance ${tolerance} (PROM-3, 4:4:2)`,
    {
      field: 'toTitle',
      details: {
        rule: 'PROM-3',
        unitCode: street,
        currentCounts: current,
        countsAfter: after,
        sharesAfter,
        targetShares,
        tolerance,
        ceilingShare,
        explanation: decision.explanation,
      },
    },
  );
}
