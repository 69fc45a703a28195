import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QuotaChangedData, ResultChangedData, ResultPublishedData } from '@cwp/contracts';
import type { Grade } from '@cwp/policy';

/** A worker of the unit still employed, with the grade of the appraisal year (null: none published yet). */
export interface PoolMemberRow {
  workerId: string;
  grade: Grade | null;
}

/**
 * All SQL of the performance pool's inputs (PAY-5, PAY-6): the appraisal grades and unit quotas
 * projected from events (writes take the inbox transaction), and the pool's members.
 */
@Injectable()
export class PerformanceInputsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** APPR-2: the year's grade; a later event for the same worker and year replaces it (per-worker order on the topic). */
  async recordGrade(
    em: EntityManager,
    data: Pick<ResultPublishedData | ResultChangedData, 'workerId' | 'unitCode' | 'year' | 'grade'>,
    source: 'published' | 'appeal-upheld',
    eventId: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO appraisal_grades (worker_id, year, unit_code, grade, source, source_event_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (worker_id, year) DO UPDATE SET unit_code = EXCLUDED.unit_code, grade = EXCLUDED.grade, source = EXCLUDED.source,
              source_event_id = EXCLUDED.source_event_id, updated_at = now()`,
      [data.workerId, data.year, data.unitCode, data.grade, source, eventId],
    );
  }

  /** QUOTA-5: a unit's quota of one kind; an older review never overwrites a newer one. Returns false when stale. */
  async recordQuota(em: EntityManager, data: QuotaChangedData): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO unit_quotas (unit_code, kind, quota, review_year, effective_from) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (unit_code, kind) DO UPDATE SET quota = EXCLUDED.quota, review_year = EXCLUDED.review_year,
              effective_from = EXCLUDED.effective_from, updated_at = now()
        WHERE unit_quotas.review_year <= EXCLUDED.review_year
       RETURNING unit_code`,
      [data.unitCode, data.kind, data.quota, data.reviewYear, data.effectiveFrom],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * PAY-6: the unit's own quota places (a residential area's, a street's centres); floating places
   * are lent between units (QUOTA-4) and carry no pool. Null when no quota is known for the unit.
   */
  async quotaOf(unitCode: string): Promise<number | null> {
    const rows = (await this.dataSource.query(
      `SELECT sum(quota)::int AS quota FROM unit_quotas WHERE unit_code = $1 AND kind IN ('area', 'centre')`,
      [unitCode],
    )) as Array<{ quota: number | null }>;
    return rows[0]?.quota ?? null;
  }

  /** The unit's employed workers in id order, each with its grade of the appraisal year. */
  async members(unitCode: string, appraisalYear: number): Promise<PoolMemberRow[]> {
    return (await this.dataSource.query(
      `SELECT w.worker_id AS "workerId", g.grade
         FROM pay_workers w LEFT JOIN appraisal_grades g ON g.worker_id = w.worker_id AND g.year = $2
        WHERE w.unit_code = $1 AND w.status <> 'exited' ORDER BY w.worker_id`,
      [unitCode, appraisalYear],
    )) as PoolMemberRow[];
  }
}
