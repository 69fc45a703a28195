import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, OrgUnitDirectory, isUuid, type Principal } from '@cwp/platform';
import { EntryRepository } from './entry.repository';
import type { EntryRow } from './entry.row';

export const ENTRY_ENTITY_NAME = 'Talent-pool entry';
/** Entries are held by a street or a district (POOL-1). */
const HOLDING_KINDS = new Set(['street', 'district']);

/**
 * Who may see and change which entries (ORG-2), deny by default: every read and write of the
 * feature asks here first. An entry or a unit outside the caller's subtree answers NOT_FOUND
 * exactly like a missing one, and the denial is written to the audit trail.
 */
@Injectable()
export class EntryAccess {
  constructor(
    private readonly repository: EntryRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly directory: OrgUnitDirectory,
  ) {}

  /** The row, or 404 when it is missing or outside the caller's scope (the denial is audited). */
  async visible(id: string, principal: Principal, action: string): Promise<EntryRow> {
    const row = isUuid(id) ? await this.repository.findById(id) : undefined;
    if (!row) throw DomainError.notFound(ENTRY_ENTITY_NAME, id);
    await this.jurisdiction.assertWithin(principal, row.holdingUnit, { entity: ENTRY_ENTITY_NAME, entityId: id, action });
    return row;
  }

  /** The holding unit of a registration: in scope (else 404 on the field, audited), a street or a district. */
  async holdingUnit(principal: Principal, code: string, field: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, code, field, 'register');
    const kind = this.directory.kindOf(code);
    if (!kind || !HOLDING_KINDS.has(kind)) {
      throw DomainError.validation(field, `${field} ${code} must be a street or a district (it is a ${kind ?? 'unknown unit'})`);
    }
  }

  /** A unit used as a list filter: in the tree and in scope, else 404 on the field (audited). */
  async listableUnit(principal: Principal, code: string, field: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, code, field, 'list');
  }
}
