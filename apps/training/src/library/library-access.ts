import { Injectable } from '@nestjs/common';
import { CITY_CODE, DomainError, ErrorCode, Jurisdiction, isUuid, scopeOf, type Principal } from '@cwp/platform';
import { LibraryRepository } from './library.repository';
import type { LibraryResourceRow } from './library.row';

export const LIBRARY_ENTITY_NAME = 'Library resource';

/** The city (`31`) and the caller's district: the owners whose resources every operator below them may use. */
export function ownersAbove(principal: Principal): string[] {
  const scope = scopeOf(principal);
  return scope.length >= 6 ? [CITY_CODE, scope.slice(0, 6)] : [CITY_CODE];
}

/**
 * Who may see and add which library resources (TRAIN-10, ORG-2), deny by default. Everyone sees
 * the city's resources and their own district's; the city sees every district's too. A resource
 * outside that answers 404 like a missing one, and the denial is audited. The city adds city-wide
 * resources, a district its local ones; streets pick, they do not add (the controller's roles).
 */
@Injectable()
export class LibraryAccess {
  constructor(
    private readonly repository: LibraryRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  visibleTo(principal: Principal, row: Pick<LibraryResourceRow, 'ownerUnit'>): boolean {
    return ownersAbove(principal).includes(row.ownerUnit) || row.ownerUnit.startsWith(scopeOf(principal));
  }

  async visible(id: string, principal: Principal, action: string): Promise<LibraryResourceRow> {
    const row = isUuid(id) ? await this.repository.find(id) : undefined;
    if (!row) throw DomainError.notFound(LIBRARY_ENTITY_NAME, id);
    if (!this.visibleTo(principal, row)) {
      // Outside: the same 404, and the denial audited (assertWithin records it and throws).
      await this.jurisdiction.assertWithin(principal, row.ownerUnit, { entity: LIBRARY_ENTITY_NAME, entityId: id, action });
    }
    return row;
  }

  /** The owner of a new resource: the city for city operators, the district for district operators. */
  ownerFor(principal: Principal): string {
    if (principal.role === 'city') return CITY_CODE;
    if (principal.role === 'district') return principal.unit;
    throw new DomainError(ErrorCode.FORBIDDEN, 'Only the city and districts add library resources');
  }

  /** A unit that picks resources: within the caller's scope (else 404 on the field, audited). */
  async pickingUnit(principal: Principal, unitCode: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, unitCode, 'unitCode', 'pick');
  }
}
