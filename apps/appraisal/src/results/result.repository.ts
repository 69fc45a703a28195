import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updateReturning } from '../core';
import type { AppraisalGrade } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';
import type { ScoredWorker } from './rules/score-worker';
import type { UnitDistribution } from './rules/distribution';
import { RESULT_COLUMNS, type RatingAggregateRow, type ResultRow, type UnsignalledResult } from './result.row';

/** All SQL of yearly results: the set-based close, calibration, publication, appeals and reports. */
@Injectable()
export class ResultRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One chunk of the close: the next `limit` active workers of the scope after `afterWorkerId`,
   * each with its per-source averages over the cycle's ratings (one row per worker and source;
   * a worker nobody rated comes back once with source null). Keyset order by worker id.
   */
  async aggregateChunk(cycleId: string, prefix: string, afterWorkerId: string, limit: number): Promise<RatingAggregateRow[]> {
    return this.dataSource.query(
      `WITH w AS (
         SELECT worker_id, unit_code, entry_route FROM worker_records
          WHERE status = 'active' AND unit_code LIKE $2 AND worker_id > $3 ORDER BY worker_id LIMIT $4)
       SELECT w.worker_id AS "workerId", w.unit_code AS "unitCode", w.entry_route AS "entryRoute", r.source,
              count(r.id)::int AS raters, avg(r.morality)::float8 AS morality, avg(r.ability)::float8 AS ability,
              avg(r.diligence)::float8 AS diligence, avg(r.performance)::float8 AS performance, avg(r.integrity)::float8 AS integrity
         FROM w LEFT JOIN ratings r ON r.cycle_id = $1 AND r.worker_id = w.worker_id
        GROUP BY w.worker_id, w.unit_code, w.entry_route, r.source
        ORDER BY w.worker_id, r.source`,
      [cycleId, `${prefix}%`, afterWorkerId, limit],
    );
  }

  /** Writes a chunk of draft results in one statement; published results are never overwritten. */
  async upsertDrafts(
    em: EntityManager,
    cycleId: string,
    year: number,
    policyVersion: string,
    scored: readonly ScoredWorker[],
  ): Promise<number> {
    if (scored.length === 0) return 0;
    const rows: unknown[] = await em.query(
      `INSERT INTO results (worker_id, year, cycle_id, unit_code, entry_route, score, mapped_grade, grade, policy_version, explanation)
       SELECT w, $2, $1, u, e, s, g, g, $3, x::jsonb
         FROM unnest($4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::text[]) AS t(w, u, e, s, g, x)
       ON CONFLICT (worker_id, year) DO UPDATE
          SET cycle_id = EXCLUDED.cycle_id, unit_code = EXCLUDED.unit_code, score = EXCLUDED.score, mapped_grade = EXCLUDED.mapped_grade,
              grade = EXCLUDED.grade, policy_version = EXCLUDED.policy_version, explanation = EXCLUDED.explanation, calibrations = '[]',
              version = results.version + 1, updated_at = now()
        WHERE results.status = 'draft'
       RETURNING worker_id`,
      [
        cycleId,
        year,
        policyVersion,
        scored.map((s) => s.workerId),
        scored.map((s) => s.unitCode),
        scored.map((s) => s.entryRoute),
        scored.map((s) => s.score),
        scored.map((s) => s.grade),
        scored.map((s) => JSON.stringify(s.explanation)),
      ],
    );
    return rows.length;
  }

  /** Grade counts per street (the first nine digits of the worker's unit) of a cycle's results. */
  async distributionByStreet(cycleId: string, em: EntityManager = this.dataSource.manager): Promise<UnitDistribution[]> {
    return em.query(
      `SELECT left(unit_code, 9) AS "unitCode", count(*)::int AS total, count(*) FILTER (WHERE grade = 'excellent')::int AS excellent
         FROM results WHERE cycle_id = $1 GROUP BY 1 ORDER BY 1`,
      [cycleId],
    );
  }

  async find(workerId: string, year: number, em: EntityManager = this.dataSource.manager): Promise<ResultRow | undefined> {
    const rows: ResultRow[] = await em.query(`SELECT ${RESULT_COLUMNS} FROM results WHERE worker_id = $1 AND year = $2`, [workerId, year]);
    return rows[0];
  }

  async ofWorker(workerId: string): Promise<ResultRow[]> {
    return this.dataSource.query(`SELECT ${RESULT_COLUMNS} FROM results WHERE worker_id = $1 ORDER BY year`, [workerId]);
  }

  /** A page of a unit subtree's results of a year (keyset by worker id). */
  async ofUnit(prefix: string, year: number, afterWorkerId: string, limit: number): Promise<ResultRow[]> {
    return this.dataSource.query(
      `SELECT ${RESULT_COLUMNS} FROM results WHERE year = $1 AND unit_code LIKE $2 AND worker_id > $3 ORDER BY worker_id LIMIT $4`,
      [year, `${prefix}%`, afterWorkerId, limit],
    );
  }

  /** Grade counts of a year under a unit, grouped by the units one level below (district → streets, city → districts). */
  async report(
    prefix: string,
    year: number,
    groupLength: number,
    onlyPublished: boolean,
  ): Promise<{ unitCode: string; grade: AppraisalGrade; count: number }[]> {
    return this.dataSource.query(
      `SELECT left(unit_code, $3) AS "unitCode", grade, count(*)::int AS count FROM results
        WHERE year = $1 AND unit_code LIKE $2 ${onlyPublished ? `AND status = 'published'` : ''} GROUP BY 1, 2 ORDER BY 1, 2`,
      [year, `${prefix}%`, groupLength],
    );
  }

  async calibrate(
    em: EntityManager,
    row: ResultRow,
    grade: AppraisalGrade,
    move: object,
    explanation: Explanation,
  ): Promise<ResultRow | undefined> {
    const rows = await updateReturning<ResultRow>(
      em,
      `UPDATE results SET grade = $3, calibrations = calibrations || $4::jsonb, explanation = $5::jsonb, version = version + 1, updated_at = now()
        WHERE worker_id = $1 AND year = $2 AND status = 'draft' AND version = $6 RETURNING ${RESULT_COLUMNS}`,
      [row.workerId, row.year, grade, JSON.stringify([move]), JSON.stringify(explanation), row.version],
    );
    return rows[0];
  }

  /** Publishes the next chunk of a cycle's drafts; returns them as published. */
  async publishChunk(em: EntityManager, cycleId: string, limit: number): Promise<ResultRow[]> {
    return updateReturning<ResultRow>(
      em,
      `UPDATE results SET status = 'published', published_at = now(), version = version + 1, updated_at = now()
        WHERE (worker_id, year) IN (SELECT worker_id, year FROM results WHERE cycle_id = $1 AND status = 'draft' ORDER BY worker_id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING ${RESULT_COLUMNS}`,
      [cycleId, limit],
    );
  }

  /**
   * The next `limit` published results whose grade the worker's record has not heard (keyset by
   * worker id and year, through the partial index), of one cycle or of every cycle (the sweep).
   */
  async unsignalledChunk(cycleId: string | null, after: { workerId: string; year: number }, limit: number): Promise<UnsignalledResult[]> {
    return this.dataSource.query(
      `SELECT worker_id AS "workerId", year, unit_code AS "unitCode", entry_route AS "entryRoute", grade,
              coalesce(appeal_status = 'upheld', false) AS "appealUpheld", version
         FROM results
        WHERE status = 'published' AND signalled_at IS NULL AND ($1::uuid IS NULL OR cycle_id = $1) AND (worker_id, year) > ($2, $3)
        ORDER BY worker_id, year LIMIT $4`,
      [cycleId, after.workerId, after.year, limit],
    );
  }

  /** Marks a chunk's delivered grades in one statement; a result whose version moved since (an appeal) stays unsignalled. */
  async markSignalled(delivered: readonly UnsignalledResult[]): Promise<number> {
    if (delivered.length === 0) return 0;
    const rows = await updateReturning<unknown>(
      this.dataSource.manager,
      `UPDATE results r SET signalled_at = now()
         FROM unnest($1::text[], $2::int[], $3::int[]) AS t(w, y, v)
        WHERE r.worker_id = t.w AND r.year = t.y AND r.version = t.v
       RETURNING r.worker_id`,
      [delivered.map((d) => d.workerId), delivered.map((d) => d.year), delivered.map((d) => d.version)],
    );
    return rows.length;
  }

  async fileAppeal(em: EntityManager, row: ResultRow, reason: string): Promise<ResultRow | undefined> {
    const rows = await updateReturning<ResultRow>(
      em,
      `UPDATE results SET appeal_status = 'filed', appeal_reason = $3, appeal_filed_at = now(), version = version + 1, updated_at = now()
        WHERE worker_id = $1 AND year = $2 AND status = 'published' AND appeal_status IS NULL AND version = $4 RETURNING ${RESULT_COLUMNS}`,
      [row.workerId, row.year, reason, row.version],
    );
    return rows[0];
  }

  async decideAppeal(
    em: EntityManager,
    row: ResultRow,
    grade: AppraisalGrade,
    decision: object,
    explanation: Explanation,
  ): Promise<ResultRow | undefined> {
    const rows = await updateReturning<ResultRow>(
      em,
      `UPDATE results SET appeal_status = $3, grade = $4, appeal_decision = $5::jsonb, explanation = $6::jsonb, version = version + 1, updated_at = now(),
              signalled_at = CASE WHEN grade = $4 THEN signalled_at END
        WHERE worker_id = $1 AND year = $2 AND appeal_status = 'filed' AND version = $7 RETURNING ${RESULT_COLUMNS}`,
      [
        row.workerId,
        row.year,
        (decision as { outcome: string }).outcome,
        grade,
        JSON.stringify(decision),
        JSON.stringify(explanation),
        row.version,
      ],
    );
    return rows[0];
  }

  /** APPR-6 candidates: the best-scored excellent results of a year under a unit. */
  async topExcellent(prefix: string, year: number, limit: number): Promise<{ workerId: string; score: number }[]> {
    return this.dataSource.query(
      `SELECT worker_id AS "workerId", score::float8 AS score FROM results
        WHERE year = $1 AND unit_code LIKE $2 AND status = 'published' AND grade = 'excellent' AND score IS NOT NULL
        ORDER BY score DESC, worker_id LIMIT $3`,
      [year, `${prefix}%`, limit],
    );
  }

  async insertSelection(
    em: EntityManager,
    s: { level: string; unitCode: string; year: number; selected: object; explanation: Explanation; by: string },
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO incentive_selections (level, unit_code, year, selected, explanation, selected_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT DO NOTHING RETURNING level`,
      [s.level, s.unitCode, s.year, JSON.stringify(s.selected), JSON.stringify(s.explanation), s.by],
    );
    return rows.length === 1;
  }

  async selection(
    level: string,
    unitCode: string,
    year: number,
  ): Promise<{ selected: object; explanation: Explanation; selectedAt: Date } | undefined> {
    const rows = await this.dataSource.query(
      `SELECT selected, explanation, selected_at AS "selectedAt" FROM incentive_selections WHERE level = $1 AND unit_code = $2 AND year = $3`,
      [level, unitCode, year],
    );
    return rows[0];
  }
}
