import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, type Principal } from '@cwp/platform';
import { PayWorkerRepository } from './pay-worker.repository';
import type { PayWorkerRow } from './pay-worker.row';

export const PAY_WORKER_ENTITY = 'PayWorker';
const WORKER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Who may see a worker's pay facts (ORG-2), deny by default: a worker outside the caller's subtree
 * answers NOT_FOUND exactly like a missing id, and the denial is written to the audit trail.
 */
@Injectable()
export class PayWorkerAccess {
  constructor(
    private readonly repository: PayWorkerRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async visible(workerId: string, principal: Principal, action = 'read'): Promise<PayWorkerRow> {
    const row = WORKER_ID.test(workerId) ? await this.repository.findById(workerId) : undefined;
    if (!row) throw DomainError.notFound(PAY_WORKER_ENTITY, workerId);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: PAY_WORKER_ENTITY, entityId: workerId, action });
    return row;
  }
}
