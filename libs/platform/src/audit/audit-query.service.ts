import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEntryDto, AuditPageDto, AuditQueryDto } from './audit-query.dto';

interface AuditRow {
  id: string;
  occurred_at: Date;
  request_id: string | null;
  subject: string;
  role: string;
  unit_code: string;
  outcome: 'allowed' | 'denied';
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  total: string;
}

/** Reads the service's audit trail for city operators, newest first. */
@Injectable()
export class AuditQueryService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(query: AuditQueryDto): Promise<AuditPageDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.entity) add('entity = ?', query.entity);
    if (query.entityId) add('entity_id = ?', query.entityId);
    if (query.subject) add('subject = ?', query.subject);
    if (query.outcome) add('outcome = ?', query.outcome);
    if (query.from) add('occurred_at >= ?', query.from);
    if (query.to) add('occurred_at < ?', query.to);
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows = (await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY occurred_at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as AuditRow[];
    return { items: rows.map(toDto), page: query.page, pageSize: query.pageSize, total: rows.length ? Number(rows[0].total) : 0 };
  }
}

function toDto(row: AuditRow): AuditEntryDto {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    requestId: row.request_id,
    subject: row.subject,
    role: row.role,
    unitCode: row.unit_code,
    outcome: row.outcome,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    changedFields: row.changed_fields,
    before: row.before,
    after: row.after,
    reason: row.reason,
  };
}
