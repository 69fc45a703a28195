import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import { updateReturning } from '../core';
import { CLASS_COLUMNS, HOURS_COLUMNS, type CertificateRow, type ClassRow, type HoursRow } from './class.row';

/** All SQL of classes, enrolments, hours and certificates; writes take the caller's EntityManager. */
@Injectable()
export class ClassRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, row: ClassRow): Promise<void> {
    await em.query(
      `INSERT INTO classes (id, course_id, unit_code, starts_on, ends_on, place, capacity, off_job, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.id, row.courseId, row.unitCode, row.startsOn, row.endsOn, row.place, row.capacity, row.offJob, row.createdBy],
    );
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<ClassRow | undefined> {
    const rows: ClassRow[] = await em.query(`SELECT ${CLASS_COLUMNS} FROM classes WHERE id = $1`, [id]);
    return rows[0];
  }

  async within(prefix: string, limit: number): Promise<ClassRow[]> {
    return this.dataSource.query(`SELECT ${CLASS_COLUMNS} FROM classes WHERE unit_code LIKE $1 ORDER BY starts_on DESC, id LIMIT $2`, [
      likePrefixPattern(prefix),
      limit,
    ]);
  }

  /** Enrols one worker if a seat is left: false when already enrolled; null when the class is full. */
  async enrol(em: EntityManager, classId: string, workerId: string, source: string, by: string): Promise<boolean | null> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO enrolments (class_id, worker_id, source, enrolled_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING worker_id`,
      [classId, workerId, source, by],
    );
    if (inserted.length === 0) return false;
    const seat = await updateReturning<unknown>(
      em,
      `UPDATE classes SET enrolled = enrolled + 1, version = version + 1 WHERE id = $1 AND enrolled < capacity RETURNING id`,
      [classId],
    );
    return seat.length === 1 ? true : null;
  }

  /** The subset of `workerIds` enrolled in the class. */
  async enrolledOf(em: EntityManager, classId: string, workerIds: string[]): Promise<Set<string>> {
    const rows: { workerId: string }[] = await em.query(
      `SELECT worker_id AS "workerId" FROM enrolments WHERE class_id = $1 AND worker_id = ANY($2::text[])`,
      [classId, workerIds],
    );
    return new Set(rows.map((r) => r.workerId));
  }

  async enrolments(classId: string): Promise<{ workerId: string; source: string }[]> {
    return this.dataSource.query(`SELECT worker_id AS "workerId", source FROM enrolments WHERE class_id = $1 ORDER BY worker_id`, [
      classId,
    ]);
  }

  /**
   * Attendance of many workers in one statement (set-based); a day already recorded for a worker
   * in this class is kept as it was (ON CONFLICT DO NOTHING). Returns the rows written.
   */
  async insertAttendance(
    em: EntityManager,
    cls: ClassRow,
    module: string | null,
    records: { workerId: string; onDate: string; hours: number }[],
    by: string,
  ): Promise<number> {
    const rows: unknown[] = await em.query(
      `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, class_id, course_id, module, recorded_by)
       SELECT gen_random_uuid(), r.worker_id, extract(year FROM r.on_date)::int, r.on_date, r.hours, $2, 'attendance', $1, $3, $4, $5
       FROM unnest($6::text[], $7::date[], $8::numeric[]) AS r(worker_id, on_date, hours)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        cls.id,
        cls.offJob,
        cls.courseId,
        module,
        by,
        records.map((r) => r.workerId),
        records.map((r) => r.onDate),
        records.map((r) => r.hours),
      ],
    );
    return rows.length;
  }

  /** An online completion, once per completion id: the row now stored under that id (new or earlier). */
  async insertCompletion(
    em: EntityManager,
    row: HoursRow & { module: string | null },
    by: string,
  ): Promise<{ row: HoursRow; created: boolean }> {
    const inserted: HoursRow[] = await em.query(
      `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, course_id, module, completion_id, recorded_by)
       VALUES ($1, $2, extract(year FROM $3::date)::int, $3, $4, false, 'online', $5, $6, $7, $8)
       ON CONFLICT (completion_id) DO NOTHING RETURNING ${HOURS_COLUMNS}`,
      [row.id, row.workerId, row.onDate, row.hours, row.courseId, row.module, row.completionId, by],
    );
    if (inserted[0]) return { row: inserted[0], created: true };
    const existing: HoursRow[] = await em.query(`SELECT ${HOURS_COLUMNS} FROM training_hours WHERE completion_id = $1`, [row.completionId]);
    return { row: existing[0]!, created: false };
  }

  async hoursOf(workerId: string, year: number): Promise<{ rows: HoursRow[]; total: number; offJob: boolean }> {
    const rows: HoursRow[] = await this.dataSource.query(
      `SELECT ${HOURS_COLUMNS} FROM training_hours WHERE worker_id = $1 AND year = $2 ORDER BY on_date, id`,
      [workerId, year],
    );
    const total = Math.round(rows.reduce((s, r) => s + r.hours, 0) * 10) / 10;
    return { rows, total, offJob: rows.some((r) => r.offJob) };
  }

  async insertCertificate(em: EntityManager, row: CertificateRow, by: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO certificates (id, worker_id, kind, passed_on, recorded_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (worker_id, kind) DO NOTHING RETURNING id`,
      [row.id, row.workerId, row.kind, row.passedOn, by],
    );
    return rows.length === 1;
  }

  async certificatesOf(workerId: string): Promise<CertificateRow[]> {
    return this.dataSource.query(
      `SELECT id, worker_id AS "workerId", kind, to_char(passed_on, 'YYYY-MM-DD') AS "passedOn" FROM certificates WHERE worker_id = $1 ORDER BY passed_on`,
      [workerId],
    );
  }
}
