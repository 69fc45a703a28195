import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MENTORSHIP_COLUMNS, type CheckinRow, type MentorshipRow } from './mentorship.row';

/** All SQL of mentoring pairs and their check-ins. */
@Injectable()
export class MentorshipRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, row: MentorshipRow, by: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO mentorships (id, mentor_id, mentee_id, unit_code, objectives, plan, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [row.id, row.mentorId, row.menteeId, row.unitCode, row.objectives, row.plan, row.startsOn, row.endsOn, by],
    );
    return rows.length === 1;
  }

  async find(id: string): Promise<MentorshipRow | undefined> {
    const rows: MentorshipRow[] = await this.dataSource.query(`SELECT ${MENTORSHIP_COLUMNS} FROM mentorships WHERE id = $1`, [id]);
    return rows[0];
  }

  async insertCheckin(em: EntityManager, id: string, c: CheckinRow, by: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO mentoring_checkins (mentorship_id, on_date, note, objectives_met, recorded_by) VALUES ($1, $2, $3, $4::int[], $5)
       ON CONFLICT DO NOTHING RETURNING on_date`,
      [id, c.onDate, c.note, c.objectivesMet, by],
    );
    return rows.length === 1;
  }

  async checkins(id: string): Promise<CheckinRow[]> {
    return this.dataSource.query(
      `SELECT to_char(on_date, 'YYYY-MM-DD') AS "onDate", note, objectives_met AS "objectivesMet" FROM mentoring_checkins WHERE mentorship_id = $1 ORDER BY on_date`,
      [id],
    );
  }
}
