import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import { COMPLIANCE_COLUMNS, type ComplianceInputRow, type ComplianceResultRow, type UnitReportRow } from './compliance.row';

/** All SQL of the compliance run and its report; set-based, one statement per chunk. */
@Injectable()
export class ComplianceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next chunk of workers to judge for `year` (keyset after `after`): those in service on 31
   * December of the year (hired by then, not exited before), with the year's hours, the years of
   * off-the-job training in the TRAIN-4 window, the four-ones dates and the earlier verdict.
   * One statement. Hours are read as a worker-id RANGE (after, last id of the chunk] of each
   * window year: an index-only range scan of `training_hours_year_worker_idx` per year, so a chunk
   * costs its own rows; joining the chunk's ids instead let the planner scan the whole table once
   * per chunk (31 scans of 3.1M rows for the city). The off-the-job years come back as a bit mask
   * (bit k = year − k), so one hashed GROUP BY worker suffices: a DISTINCT aggregate sorted the
   * chunk's 100,000 rows on disk.
   */
  async chunk(em: EntityManager, year: number, after: string, limit: number, windowYears: number): Promise<ComplianceInputRow[]> {
    const years = Array.from({ length: windowYears }, (_, i) => year - windowYears + 1 + i);
    const rows: (Omit<ComplianceInputRow, 'offJobYears'> & { offJobMask: number | null })[] = await em.query(
      `WITH w AS (
         SELECT worker_id, unit_code, hired_on FROM trainees
         WHERE worker_id > $2 AND hired_on <= make_date($1, 12, 31) AND (exited_on IS NULL OR exited_on > make_date($1, 12, 31))
         ORDER BY worker_id LIMIT $3
       ), h AS (
         SELECT th.worker_id, sum(th.hours) FILTER (WHERE th.year = $1) AS hours,
                bit_or(CASE WHEN th.off_job THEN 1 << ($1 - th.year) ELSE 0 END) AS off_job_mask
         FROM training_hours th
         WHERE th.year = ANY($4::int[]) AND th.worker_id > $2 AND th.worker_id <= (SELECT max(worker_id) FROM w)
         GROUP BY th.worker_id
       ), f AS (
         SELECT fo.worker_id, jsonb_object_agg(fo.item, to_char(fo.done_on, 'YYYY-MM-DD')) AS four_ones
         FROM four_ones fo WHERE fo.worker_id > $2 AND fo.worker_id <= (SELECT max(worker_id) FROM w) GROUP BY fo.worker_id
       ), c AS (
         SELECT worker_id, compliant FROM compliance_results
         WHERE year = $1 AND worker_id > $2 AND worker_id <= (SELECT max(worker_id) FROM w)
       )
       SELECT w.worker_id AS "workerId", w.unit_code AS "unitCode", to_char(w.hired_on, 'YYYY-MM-DD') AS "hiredOn",
              coalesce(h.hours, 0)::float8 AS hours, h.off_job_mask AS "offJobMask", f.four_ones AS "fourOnes", c.compliant AS "wasCompliant"
       FROM w LEFT JOIN h USING (worker_id) LEFT JOIN f USING (worker_id) LEFT JOIN c USING (worker_id)
       ORDER BY w.worker_id`,
      [year, after, limit, years],
    );
    return rows.map(({ offJobMask, ...row }) => ({ ...row, offJobYears: years.filter((y) => ((offJobMask ?? 0) >> (year - y)) & 1) }));
  }

  /**
   * Writes a chunk's verdicts in one statement (a rerun of the year overwrites them). Each verdict
   * keeps its decision's inputs, not its explanation (rebuilt on read, `explainVerdict`); the
   * four-ones dates travel as ONE text, a line each, split by PostgreSQL (as the outbox's
   * appendMany does): a text[] of JSON is escaped quote by quote by the driver, several times slower.
   * The off-the-job years travel as a comma list per worker (a jagged int[][] cannot be unnested).
   */
  async upsert(em: EntityManager, rows: ComplianceResultRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof ComplianceResultRow>(k: K) => rows.map((r) => r[k]);
    await em.query(
      `INSERT INTO compliance_results (year, worker_id, unit_code, hours, required_hours, hours_met, off_job_due, off_job_met, four_ones,
         compliant, failed_rules, policy_version, service_start, off_job_years, four_ones_done)
       SELECT $1, u.worker_id, u.unit_code, u.hours, u.required, u.hours_met, u.off_job_due, u.off_job_met, u.four_ones, u.compliant,
              string_to_array(u.failed, ','), $2, u.service_start, string_to_array(u.off_job_years, ',')::int[], nullif(u.four_ones_done, 'null')::jsonb
       FROM unnest($3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::bool[], $8::bool[], $9::bool[], $10::text[], $11::bool[], $12::text[],
                   $13::date[], $14::text[], string_to_array($15::text, E'\\n'))
         AS u(worker_id, unit_code, hours, required, hours_met, off_job_due, off_job_met, four_ones, compliant, failed, service_start, off_job_years,
              four_ones_done)
       ON CONFLICT (year, worker_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, hours = EXCLUDED.hours, required_hours = EXCLUDED.required_hours,
         hours_met = EXCLUDED.hours_met, off_job_due = EXCLUDED.off_job_due, off_job_met = EXCLUDED.off_job_met, four_ones = EXCLUDED.four_ones,
         compliant = EXCLUDED.compliant, failed_rules = EXCLUDED.failed_rules, policy_version = EXCLUDED.policy_version,
         service_start = EXCLUDED.service_start, off_job_years = EXCLUDED.off_job_years, four_ones_done = EXCLUDED.four_ones_done, judged_at = now()`,
      [
        rows[0]!.year,
        rows[0]!.policyVersion,
        col('workerId'),
        col('unitCode'),
        col('hours'),
        col('requiredHours'),
        col('hoursMet'),
        col('offJobDue'),
        col('offJobMet'),
        col('fourOnes'),
        col('compliant'),
        rows.map((r) => r.failedRules.join(',')),
        col('serviceStart'),
        rows.map((r) => r.offJobYears.join(',')),
        // JSON.stringify never writes a raw newline, so a line is one worker's dates ('null': none).
        rows.map((r) => JSON.stringify(r.fourOnesDone)).join('\n'),
      ],
    );
  }

  async find(year: number, workerId: string): Promise<ComplianceResultRow | undefined> {
    const rows: ComplianceResultRow[] = await this.dataSource.query(
      `SELECT ${COMPLIANCE_COLUMNS} FROM compliance_results WHERE year = $1 AND worker_id = $2`,
      [year, workerId],
    );
    return rows[0];
  }

  /** Per child unit of `unitCode` (prefix of `childLength` digits): workers judged and how they fared. */
  async report(year: number, unitCode: string, childLength: number): Promise<UnitReportRow[]> {
    return this.dataSource.query(
      `SELECT left(unit_code, $3) AS "unitCode", count(*)::int AS workers, count(*) FILTER (WHERE compliant)::int AS compliant,
              count(*) FILTER (WHERE NOT hours_met)::int AS "hoursShort", count(*) FILTER (WHERE off_job_due AND NOT off_job_met)::int AS "offJobMissing",
              count(*) FILTER (WHERE four_ones = 'overdue')::int AS "fourOnesOverdue", round(avg(hours), 1)::float8 AS "averageHours"
       FROM compliance_results WHERE year = $1 AND unit_code LIKE $2 GROUP BY 1 ORDER BY 1`,
      [year, likePrefixPattern(unitCode), childLength],
    );
  }

  /** TRAIN-5 modules the worker has trained in (for gap-filling recommendations). */
  async modulesDone(workerId: string): Promise<string[]> {
    const rows: { module: string }[] = await this.dataSource.query(
      `SELECT DISTINCT module FROM training_hours WHERE worker_id = $1 AND module IS NOT NULL ORDER BY module`,
      [workerId],
    );
    return rows.map((r) => r.module);
  }

  /** TRAIN-8 certificates the worker holds (their skill level for TRAIN-6). */
  async certificateKinds(workerId: string): Promise<string[]> {
    const rows: { kind: string }[] = await this.dataSource.query(`SELECT kind FROM certificates WHERE worker_id = $1 ORDER BY kind`, [
      workerId,
    ]);
    return rows.map((r) => r.kind);
  }
}
