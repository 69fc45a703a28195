import { Injectable } from '@nestjs/common';
import { DomainError, isUuid, Jurisdiction, OrgUnitDirectory, type Principal } from '@cwp/platform';
import { WorkerRepository } from './worker.repository';
import type { WorkerRow } from './worker.row';

export const WORKER_ENTITY_NAME = 'Worker';
/** Workers are employed by a street (its six centres, QUOTA-3) or a residential area. */
const EMPLOYING_KINDS = new Set(['street', 'area']);

/**
 * Jurisdiction for the roster (ORG-2), deny by default: a worker outside the caller's subtree is
 * NOT_FOUND exactly like a missing id, and the denial is written to the audit trail.
 */
@Injectable()
export class WorkerAccess {
  constructor(
    private readonly repository: WorkerRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async visible(id: string, principal: Principal, action: string): Promise<WorkerRow> {
    const row = isUuid(id) ? await this.repository.findById(id) : undefined;
    if (!row) throw DomainError.notFound(WORKER_ENTITY_NAME, id);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: WORKER_ENTITY_NAME, entityId: id, action });
    return row;
  }

  /** A unit named in a request: in scope (else 404 on `field`, audited) and one that employs workers. */
  async employingUnit(principal: Principal, code: string, field: string, action: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, code, field, action);
    const kind = this.directory.kindOf(code);
    if (!kind || !EMPLOYING_KINDS.has(kind))
      throw DomainError.validation(field, `${field} ${code} must be a street or a residential area (it is a ${kind ?? 'unknown unit'})`);
  }

  /** A unit used as a list filter: in scope, else 404 on `field` (audited). */
  async listableUnit(principal: Principal, code: string, field: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, code, field, 'list');
  }
}
