import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, type Principal } from '@cwp/platform';
import { CycleRepository, type CycleRow } from '../cycles';

/**
 * Who may rate in or read the counts of a cycle (ORG-2): the cycle's unit must be in the caller's
 * scope, or the caller a street inside a district's cycle (it rates its own workers there).
 * Anything else is NOT_FOUND and audited.
 */
@Injectable()
export class CycleAccessForRatings {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async visible(id: string, principal: Principal, action: string): Promise<CycleRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.cycles.find(id) : undefined;
    if (!row) throw DomainError.notFound('appraisal_cycle', id);
    if (principal.unit.startsWith(row.unitCode)) return row;
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: 'appraisal_cycle', entityId: id, action });
    return row;
  }

  /** A rated (or rating) worker must be in the caller's scope: else NOT_FOUND, audited. */
  async within(principal: Principal, unitCode: string, workerId: string): Promise<void> {
    await this.jurisdiction.assertWithin(principal, unitCode, { entity: 'worker', entityId: workerId, action: 'rate' });
  }
}
