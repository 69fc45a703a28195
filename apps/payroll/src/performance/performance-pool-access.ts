import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, type Principal } from '@cwp/platform';

export const PERFORMANCE_POOL_ENTITY = 'PerformancePool';
/** A pool belongs to a street (its centres, 9 digits) or a residential area (12 digits), as workers do. */
const POOL_UNIT = /^31[0-9]{7}([0-9]{3})?$/;

/**
 * Who may read a unit's performance pool (ORG-2), deny by default: a unit outside the caller's
 * subtree (or not in the org tree) answers 404 exactly like a missing one, and the denial is audited.
 */
@Injectable()
export class PerformancePoolAccess {
  constructor(private readonly jurisdiction: Jurisdiction) {}

  async assertVisible(unitCode: string, payYear: number, principal: Principal): Promise<void> {
    if (!POOL_UNIT.test(unitCode))
      throw DomainError.validation('unitCode', 'must be a street (9 digits) or residential area (12 digits) code starting with 31');
    await this.jurisdiction.assertWithin(principal, unitCode, { entity: PERFORMANCE_POOL_ENTITY, entityId: `${unitCode}:${payYear}` });
  }
}
