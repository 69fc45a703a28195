import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { insertTypedRow, type TypedRow } from '../database/insert-together';
import { redact } from '../logging/redact';
import { currentRequestId } from '../logging/request-context';
import { auditSafe, auditText } from './audit-safe-text';
import { diffFields, maskPersonal, personalFieldSet, pick } from './personal-fields';

export interface AuditChange {
  /** What was done: `create`, `update`, `delete`, `transition:approved` … */
  action: string;
  /** Entity name, e.g. `talent_pool_entry`. */
  entity: string;
  entityId: string;
  /** Names of the fields changed; computed from before/after when omitted. */
  changedFields?: string[];
  /** Values before and after; only changed fields are kept, personal ones masked. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Extra personal fields of this entity beyond DEFAULT_PERSONAL_FIELDS. */
  personalFields?: string[];
}

export interface AuditDenial {
  action: string;
  entity: string;
  entityId?: string;
  /** Why it was refused, e.g. `unit 310104003 outside scope 310101`. No personal data. */
  reason: string;
}

/** Who and what, in the request's context; the system principal for workflows and consumers. */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ sub: 'system', role: 'system', unit: '31' });

/**
 * Writes the audit trail. `record` takes the caller's EntityManager so the row commits or rolls
 * back with the change it describes; `recordDenied` writes in its own short transaction, because
 * the refused request changes nothing and may roll back.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');

  constructor(@Optional() @Inject(DataSource) private readonly dataSource?: DataSource) {}

  async record(
    em: EntityManager,
    change: AuditChange,
    principal: Principal,
    requestId: string | undefined = currentRequestId(),
  ): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) {
      // An audit row outside the change's transaction could survive a rolled-back change, or be lost.
      throw new Error('AuditTrail.record needs the EntityManager of an open transaction (dataSource.transaction(em => …))');
    }
    await insertTypedRow(em, this.changeRow(change, principal, requestId));
  }

  /**
   * The audit row `record` writes, not yet written: for `insertTogether`, which writes it in the
   * same statement as the change it describes (atomic without a transaction).
   */
  changeRow(change: AuditChange, principal: Principal, requestId: string | undefined = currentRequestId()): TypedRow {
    const changedFields = change.changedFields ?? diffFields(change.before, change.after);
    const personal = personalFieldSet(change.personalFields);
    // Pattern redaction catches IDs and phone numbers inside free text; masking then marks the
    // personal fields themselves, so the trail says a name changed without saying what to.
    const before = maskPersonal(redact(pick(change.before, changedFields)) as Record<string, unknown> | undefined, personal);
    const after = maskPersonal(redact(pick(change.after, changedFields)) as Record<string, unknown> | undefined, personal);
    const columns = [
      { name: 'request_id', type: 'text', value: requestId ?? null },
      { name: 'subject', type: 'text', value: auditText(principal.sub) },
      { name: 'role', type: 'text', value: principal.role },
      { name: 'unit_code', type: 'text', value: principal.unit },
      { name: 'outcome', type: 'text', value: 'allowed' },
      { name: 'action', type: 'text', value: auditText(change.action) },
      { name: 'entity', type: 'text', value: auditText(change.entity) },
      { name: 'entity_id', type: 'text', value: auditText(change.entityId) },
      { name: 'changed_fields', type: 'text[]', value: changedFields.map(auditText) },
      { name: 'before', type: 'jsonb', value: before ? JSON.stringify(auditSafe(before)) : null },
      { name: 'after', type: 'jsonb', value: after ? JSON.stringify(auditSafe(after)) : null },
    ];
    return { table: 'audit_log', columns };
  }

  /**
   * Records a read by the `system` role (an HR system; issue 14: each of its reads is audited), in
   * its own short transaction: `entity` is the route template, `entityId` the path read.
   */
  async recordRead(
    read: { entity: string; entityId: string },
    principal: Principal,
    requestId: string | undefined = currentRequestId(),
    dataSource = this.dataSource,
  ): Promise<void> {
    if (!dataSource) throw new Error('AuditTrail.recordRead needs a DataSource (import PlatformDatabaseModule)');
    await dataSource.query(
      `INSERT INTO audit_log (request_id, subject, role, unit_code, outcome, action, entity, entity_id)
       VALUES ($1, $2, $3, $4, 'allowed', 'read', $5, $6)`,
      [requestId ?? null, auditText(principal.sub), principal.role, principal.unit, auditText(read.entity), auditText(read.entityId)],
    );
  }

  /** Records a refused attempt (out of scope, wrong role) in its own transaction. */
  async recordDenied(
    denial: AuditDenial,
    principal: Principal,
    requestId: string | undefined = currentRequestId(),
    dataSource = this.dataSource,
  ): Promise<void> {
    this.logger.warn({
      msg: 'access denied',
      action: denial.action,
      entity: denial.entity,
      entityId: denial.entityId,
      reason: denial.reason,
    });
    if (!dataSource) throw new Error('AuditTrail.recordDenied needs a DataSource (import PlatformDatabaseModule)');
    await dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO audit_log (request_id, subject, role, unit_code, outcome, action, entity, entity_id, reason)
         VALUES ($1, $2, $3, $4, 'denied', $5, $6, $7, $8)`,
        [
          requestId ?? null,
          auditText(principal.sub),
          principal.role,
          principal.unit,
          auditText(denial.action),
          auditText(denial.entity),
          denial.entityId === undefined ? null : auditText(denial.entityId),
          auditText(String(redact(denial.reason))),
        ],
      );
    });
  }
}
