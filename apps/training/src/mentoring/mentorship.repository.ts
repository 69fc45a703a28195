import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MENTORSHIP_COLUMNS, type CheckinRow, type MentorshipRow } from './mentorship.row';

/** All SQL of mentoring pairs and their check-ins. */
@Injectable()
export class MentorshipRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, row: MentorshipRow, by: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO mentorships (id, mentor_id, mentee_id, unit_code, objectives, plan, starts_on, ends_on, checkin_every_days, created_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
      [row.id, row.mentorId, row.menteeId, row.unitCode, row.objectives, row.plan, row.startsOn, row.endsOn, row.checkinEveryDays, by],
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

  /** TRAIN-9: a reminder for the period (since, dueBy] unless the pair checked in within it; once per pair and due date. */
  async remindIfSilent(
    em: EntityManager,
    id: string,
    since: string,
    dueBy: string,
  ): Promise<{ reminded: boolean; lastCheckin: string | null }> {
    const [last]: { lastCheckin: string | null }[] = await em.query(
      `SELECT to_char(max(on_date), 'YYYY-MM-DD') AS "lastCheckin" FROM mentoring_checkins WHERE mentorship_id = $1 AND on_date <= $2`,
      [id, dueBy],
    );
    const lastCheckin = last?.lastCheckin ?? null;
    if (lastCheckin !== null && lastCheckin > since) return { reminded: false, lastCheckin };
    await em.query(`INSERT INTO mentoring_reminders (mentorship_id, due_by, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      id,
      dueBy,
      since,
    ]);
    return { reminded: true, lastCheckin };
  }

  async reminders(id: string): Promise<string[]> {
    const rows: { dueBy: string }[] = await this.dataSource.query(
      `SELECT to_char(due_by, 'YYYY-MM-DD') AS "dueBy" FROM mentoring_reminders WHERE mentorship_id = $1 ORDER BY due_by`,
      [id],
    );
    return rows.map((r) => r.dueBy);
  }

  async close(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE mentorships SET status = 'closed' WHERE id = $1`, [id]);
  }

  withoutWorkflow(limit: number): Promise<MentorshipRow[]> {
    return this.dataSource.query(
      `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships WHERE workflow_started_at IS NULL AND status = 'open' ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE mentorships SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL`, [id]);
  }
}
