import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import type { StaffingChangedData } from '@cwp/contracts';
import { STAFFING_COLUMNS, type StaffingRow } from './staffing.row';

/** All SQL of unit_staffing. */
@Injectable()
export class StaffingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the newest figures per unit: an older event (a replay, a reordering) changes nothing. */
  async upsert(em: EntityManager, data: StaffingChangedData): Promise<boolean> {
    // TypeORM answers an INSERT with its returned rows.
    const rows = (await em.query(
      `INSERT INTO unit_staffing AS s (unit_code, quota, headcount, vacancies, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (unit_code) DO UPDATE SET quota = EXCLUDED.quota, headcount = EXCLUDED.headcount, vacancies = EXCLUDED.vacancies,
         as_of = EXCLUDED.as_of, updated_at = now()
       WHERE s.as_of <= EXCLUDED.as_of
       RETURNING s.unit_code`,
      [data.unitCode, data.quota, data.headcount, data.vacancies, data.asOf],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Vacancies of each street's subtree (the street's centre and its areas), streets without figures at 0. */
  async vacanciesOfStreets(streetCodes: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows = (await em.query(
      `SELECT st.code AS "streetCode", coalesce(sum(s.vacancies), 0)::int AS vacancies
         FROM unnest($1::text[]) AS st(code) LEFT JOIN unit_staffing s ON s.unit_code LIKE st.code || '%'
        GROUP BY st.code`,
      [[...streetCodes]],
    )) as Array<{ streetCode: string; vacancies: number }>;
    return new Map(rows.map((r) => [r.streetCode, r.vacancies]));
  }

  async ofSubtree(code: string): Promise<StaffingRow[]> {
    return (await this.dataSource.query(`SELECT ${STAFFING_COLUMNS} FROM unit_staffing s WHERE s.unit_code LIKE $1 ORDER BY s.unit_code`, [
      likePrefixPattern(code),
    ])) as StaffingRow[];
  }
}
