import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, type Principal } from '@cwp/platform';
import { ResultRepository } from './result.repository';
import type { ResultRow } from './result.row';

export const RESULT_ENTITY = 'appraisal_result';

/** Who may see or change a result (ORG-2), deny by default: outside the scope is NOT_FOUND, audited. */
@Injectable()
export class ResultAccess {
  constructor(
    private readonly repository: ResultRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async visible(workerId: string, year: number, principal: Principal, action: string): Promise<ResultRow> {
    const row = /^[A-Za-z0-9-]{1,64}$/.test(workerId) ? await this.repository.find(workerId, year) : undefined;
    if (!row) throw DomainError.notFound(RESULT_ENTITY, `${workerId}/${year}`);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: RESULT_ENTITY, entityId: `${workerId}/${year}`, action });
    return row;
  }

  async unit(principal: Principal, unitCode: string, field: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, unitCode, field, 'read');
  }
}
