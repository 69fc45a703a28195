import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { currentRequestId } from '../logging/request-context';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import type { Principal } from './principal';
import { scopeOf } from './scope';

export interface AccessTarget {
  /** Entity name for the 404 message and the audit row, e.g. `talent_pool_entry`. */
  entity: string;
  entityId: string;
  /** Default `read`. */
  action?: string;
}

/**
 * Jurisdiction checks (ORG-2). A record outside the caller's scope answers 404 NOT_FOUND exactly
 * like a missing one (never 403: that would confirm it exists), and the denial is written to the
 * audit trail.
 */
@Injectable()
export class Jurisdiction {
  constructor(
    private readonly directory: OrgUnitDirectory,
    private readonly audit: AuditTrail,
  ) {}

  scopeOf(principal: Principal): string {
    return scopeOf(principal);
  }

  /** True when the unit exists in the tree and lies within the principal's scope. */
  allows(principal: Principal, unitCode: string): boolean {
    return this.directory.isWithin(scopeOf(principal), unitCode);
  }

  /**
   * Throws NOT_FOUND (the same message a missing record gets) unless `unitCode` is within the
   * principal's scope; records the denial first. Without a target the unit itself is the subject.
   */
  async assertWithin(
    principal: Principal,
    unitCode: string,
    target: AccessTarget = { entity: 'org_unit', entityId: unitCode },
    requestId: string | undefined = currentRequestId(),
  ): Promise<void> {
    if (this.allows(principal, unitCode)) return;
    await this.audit.recordDenied(
      {
        action: target.action ?? 'read',
        entity: target.entity,
        entityId: target.entityId,
        reason: `unit ${unitCode} outside scope ${scopeOf(principal)}`,
      },
      principal,
      requestId,
    );
    throw DomainError.notFound(target.entity, target.entityId);
  }

  /**
   * For requests that name a unit directly (e.g. create an entry in unit X): a unit outside the
   * scope or not in the tree is NOT_FOUND on that field, also recorded.
   */
  async assertUnitAccessible(principal: Principal, unitCode: string, field = 'unitCode', action = 'write'): Promise<void> {
    if (this.allows(principal, unitCode)) return;
    await this.audit.recordDenied(
      { action, entity: 'org_unit', entityId: unitCode, reason: `unit ${unitCode} outside scope ${scopeOf(principal)}` },
      principal,
    );
    throw new DomainError(ErrorCode.NOT_FOUND, `Org unit ${unitCode} not found`, { field });
  }
}
