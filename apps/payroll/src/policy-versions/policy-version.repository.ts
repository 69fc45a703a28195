import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { POLICY_VERSION_COLUMNS, type StoredPolicyVersionRow } from './policy-version.row';

@Injectable()
export class PolicyVersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(em: EntityManager = this.dataSource.manager): Promise<StoredPolicyVersionRow[]> {
    return (await em.query(
      `SELECT ${POLICY_VERSION_COLUMNS} FROM policy_versions v ORDER BY v.effective_from`,
    )) as StoredPolicyVersionRow[];
  }

  /** false when the id or the effective date is taken (versions are immutable). */
  async insert(em: EntityManager, id: string, effectiveFrom: string, body: unknown, by: string): Promise<boolean> {
    const rows = (await em.query(
      'INSERT INTO policy_versions (id, effective_from, body, stored_by) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT DO NOTHING RETURNING id',
      [id, effectiveFrom, JSON.stringify(body), by],
    )) as unknown[];
    return rows.length === 1;
  }
}
