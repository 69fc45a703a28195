import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, type Principal } from '@cwp/platform';
import { TraineeRepository } from './trainee.repository';
import type { TraineeRow } from './trainee.row';

export const TRAINEE_ENTITY_NAME = 'Trainee';
const WORKER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Who may see and change which workers' training (ORG-2), deny by default: a worker outside the
 * caller's subtree answers 404 like a missing one, and the denial is audited. A malformed worker
 * id is 404 before SQL.
 */
@Injectable()
export class TraineeAccess {
  constructor(
    private readonly repository: TraineeRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async visible(workerId: string, principal: Principal, action: string): Promise<TraineeRow> {
    const row = WORKER_ID.test(workerId) ? await this.repository.find(workerId) : undefined;
    if (!row) throw DomainError.notFound(TRAINEE_ENTITY_NAME, workerId);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: TRAINEE_ENTITY_NAME, entityId: workerId, action });
    return row;
  }
}
