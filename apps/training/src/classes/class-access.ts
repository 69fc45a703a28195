import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, isUuid, scopeOf, type Principal } from '@cwp/platform';
import { ClassRepository } from './class.repository';
import type { ClassRow } from './class.row';

export const CLASS_ENTITY_NAME = 'Training class';

/**
 * Who may see and run which classes (ORG-2, TRAIN-8), deny by default. A class is visible to the
 * operators of its unit's subtree and to those below an enclosing unit (a district's class is open
 * to its streets); only operators whose scope holds the class's unit record attendance. Anything
 * else answers 404 like a missing class, and the denial is audited.
 */
@Injectable()
export class ClassAccess {
  constructor(
    private readonly repository: ClassRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  private opensTo(principal: Principal, cls: ClassRow): boolean {
    const scope = scopeOf(principal);
    return cls.unitCode.startsWith(scope) || scope.startsWith(cls.unitCode);
  }

  async visible(id: string, principal: Principal, action: string): Promise<ClassRow> {
    const row = isUuid(id) ? await this.repository.find(id) : undefined;
    if (!row) throw DomainError.notFound(CLASS_ENTITY_NAME, id);
    if (!this.opensTo(principal, row))
      await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: CLASS_ENTITY_NAME, entityId: id, action });
    return row;
  }

  /** A class the caller runs: its unit within the caller's scope. */
  async runBy(id: string, principal: Principal, action: string): Promise<ClassRow> {
    const row = await this.visible(id, principal, action);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: CLASS_ENTITY_NAME, entityId: id, action });
    return row;
  }

  async organisingUnit(principal: Principal, unitCode: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, unitCode, 'unitCode', 'create-class');
  }

  /** Workers named in a request: each within the caller's scope, else 404 naming the field (the denial audited). */
  async workersWithin(
    principal: Principal,
    workers: { workerId: string; unitCode: string }[],
    field: (i: number) => string,
  ): Promise<void> {
    for (const [i, w] of workers.entries()) {
      try {
        await this.jurisdiction.assertWithin(principal, w.unitCode, { entity: 'Trainee', entityId: w.workerId, action: 'enrol' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        throw new DomainError(error.code, error.message, { field: field(i) });
      }
    }
  }
}
