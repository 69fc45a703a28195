import { Injectable } from '@nestjs/common';
import { DomainError, isUuid, Jurisdiction, OrgUnitDirectory, type Principal } from '@cwp/platform';
import { CycleRepository } from './cycle.repository';
import type { CycleRow } from './cycle.row';

export const CYCLE_ENTITY = 'appraisal_cycle';

/** Who may see or run a cycle (ORG-2), deny by default: outside the scope is NOT_FOUND, audited. */
@Injectable()
export class CycleAccess {
  constructor(
    private readonly repository: CycleRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async visible(id: string, principal: Principal, action: string): Promise<CycleRow> {
    const row = isUuid(id) ? await this.repository.find(id) : undefined;
    if (!row) throw DomainError.notFound(CYCLE_ENTITY, id);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: CYCLE_ENTITY, entityId: id, action });
    return row;
  }

  /** A district or street in the caller's scope may open a cycle (an unknown code is NOT_FOUND on the field). */
  async openingUnit(principal: Principal, unitCode: string): Promise<void> {
    this.directory.require(unitCode, 'unitCode');
    await this.jurisdiction.assertUnitAccessible(principal, unitCode, 'unitCode', 'open-cycle');
    const kind = this.directory.kindOf(unitCode);
    if (kind !== 'district' && kind !== 'street')
      throw DomainError.validation('unitCode', `unitCode ${unitCode} must be a district or a street (it is a ${kind})`);
  }
}
