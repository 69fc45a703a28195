import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { GroupOutcome, PayGroup } from '@cwp/policy';
import { RECALIBRATION_COLUMNS, type BudgetRow, type RecalibrationLineRow, type RecalibrationRow } from './recalibration.row';

/** Completed years of service on the reference day ($1), 0..60 (PAY-2 service bands). */
const YEARS = `LEAST(60, GREATEST(0, date_part('year', age($1::date, w.hired_on))::int))`;

/**
 * Every worker's new pay from the group figures, in one set-based query: the group's floor, plus
 * one fen for the first `extra` workers of the group by worker id (largest remainder inside the
 * group). $1 reference day, $2..$8 the groups as parallel arrays.
 */
const LINES_CTE = `
  g AS (SELECT * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::bigint[], $8::int[])
          AS g(group_no, post_category, post_level, years, matrix_fen, floor_fen, extra)),
  l AS (
    SELECT w.worker_id, w.unit_code, g.group_no,
           COALESCE(w.annual_pay_fen, g.matrix_fen) AS previous_fen,
           g.floor_fen + CASE WHEN row_number() OVER (PARTITION BY g.group_no ORDER BY w.worker_id) <= g.extra THEN 1 ELSE 0 END AS new_fen
      FROM pay_workers w
      JOIN g ON g.post_category = w.post_category AND g.post_level = w.post_level AND g.years = ${YEARS}
     WHERE w.status <> 'exited')`;

export interface LineTotals {
  workers: number;
  previousTotalFen: number;
  totalFen: number;
  gainers: number;
  losers: number;
}

export interface AppliedChunk {
  workerId: string;
  unitCode: string;
  previousFen: number;
  newFen: number;
}

/** All SQL of the recalibration. Writes take the caller's transaction; heavy paths are set-based. */
@Injectable()
export class RecalibrationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async open(em: EntityManager, payYear: number): Promise<RecalibrationRow> {
    await em.query('INSERT INTO recalibrations (pay_year) VALUES ($1) ON CONFLICT (pay_year) DO NOTHING', [payYear]);
    return (await this.find(payYear, em, true))!;
  }

  async find(payYear: number, em: EntityManager = this.dataSource.manager, forUpdate = false): Promise<RecalibrationRow | undefined> {
    const rows = (await em.query(
      `SELECT ${RECALIBRATION_COLUMNS} FROM recalibrations r WHERE r.pay_year = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [payYear],
    )) as RecalibrationRow[];
    return rows[0];
  }

  /** Workers still employed, counted by post category, level and completed years on the reference day. */
  async payGroups(referenceDay: string, em: EntityManager = this.dataSource.manager): Promise<PayGroup[]> {
    return (await em.query(
      `SELECT w.post_category AS category, w.post_level AS level, ${YEARS} AS "yearsOfService", count(*)::int AS workers
         FROM pay_workers w WHERE w.status <> 'exited' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [referenceDay],
    )) as PayGroup[];
  }

  /** Replaces the year's groups and lines with the new preview's (two set-based statements). */
  async writePreview(em: EntityManager, payYear: number, referenceDay: string, groups: readonly GroupOutcome[]): Promise<LineTotals> {
    await em.query('DELETE FROM recalibration_lines WHERE pay_year = $1', [payYear]);
    await em.query('DELETE FROM recalibration_groups WHERE pay_year = $1', [payYear]);
    await em.query(
      `INSERT INTO recalibration_groups (pay_year, group_no, post_category, post_level, years_of_service, workers, matrix_annual_fen, floor_fen, extra_workers, explanation)
       SELECT $1, u.* FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::bigint[], $8::bigint[], $9::int[], $10::jsonb[]) AS u`,
      [payYear, ...groupArrays(groups), groups.map((g) => JSON.stringify(g.explanation))],
    );
    await em.query(
      `WITH ${LINES_CTE} INSERT INTO recalibration_lines (pay_year, worker_id, unit_code, group_no, previous_fen, new_fen)
      SELECT ${payYear}, l.worker_id, l.unit_code, l.group_no, l.previous_fen, l.new_fen FROM l`,
      [referenceDay, ...groupArraysForLines(groups)],
    );
    // Statistics for the lines just written: without them the planner took the year's lines for a
    // handful and each apply chunk hashed all of them (O(lines) per chunk, quadratic over the year).
    await em.query('ANALYZE recalibration_lines');
    const rows = (await em.query(
      `SELECT count(*)::int AS workers, COALESCE(sum(previous_fen), 0)::float8 AS "previousTotalFen", COALESCE(sum(new_fen), 0)::float8 AS "totalFen",
              count(*) FILTER (WHERE new_fen > previous_fen)::int AS gainers, count(*) FILTER (WHERE new_fen < previous_fen)::int AS losers
         FROM recalibration_lines WHERE pay_year = $1`,
      [payYear],
    )) as LineTotals[];
    return rows[0]!;
  }

  /** The same figures as a preview, computed and aggregated without writing anything (what-if). */
  async whatIfTotals(
    referenceDay: string,
    groups: readonly GroupOutcome[],
    unitDigits: 6 | 9,
  ): Promise<{ totals: LineTotals; budget: BudgetRow[] }> {
    const params = [referenceDay, ...groupArraysForLines(groups)];
    const totals = (await this.dataSource.query(
      `WITH ${LINES_CTE} SELECT count(*)::int AS workers, COALESCE(sum(previous_fen), 0)::float8 AS "previousTotalFen", COALESCE(sum(new_fen), 0)::float8 AS "totalFen",
              count(*) FILTER (WHERE new_fen > previous_fen)::int AS gainers, count(*) FILTER (WHERE new_fen < previous_fen)::int AS losers FROM l`,
      params,
    )) as LineTotals[];
    const budget = (await this.dataSource.query(
      `WITH ${LINES_CTE} SELECT substr(l.unit_code, 1, ${unitDigits}) AS "unitCode", count(*)::int AS workers,
              sum(l.previous_fen)::float8 AS "previousTotalFen", sum(l.new_fen)::float8 AS "newTotalFen" FROM l GROUP BY 1 ORDER BY 1`,
      params,
    )) as BudgetRow[];
    return { totals: totals[0]!, budget };
  }

  async markPreviewed(
    em: EntityManager,
    row: {
      payYear: number;
      previewId: string;
      wageRevision: number;
      multiplierRevision: number;
      policyVersion: string;
      referenceWageYear: number;
      summary: unknown;
      explanation: unknown;
    },
  ): Promise<void> {
    await em.query(
      `UPDATE recalibrations SET status = 'previewed', preview_id = $2, preview_wage_revision = $3, preview_multiplier_revision = $4, policy_version = $5,
              reference_wage_year = $6, summary = $7::jsonb, explanation = $8::jsonb, approved_by = NULL, approved_at = NULL, updated_at = now()
        WHERE pay_year = $1`,
      [
        row.payYear,
        row.previewId,
        row.wageRevision,
        row.multiplierRevision,
        row.policyVersion,
        row.referenceWageYear,
        JSON.stringify(row.summary),
        JSON.stringify(row.explanation),
      ],
    );
  }

  /**
   * Approves the preview if it is still current: same id, still previewed, built on the wage
   * revision and multiplier revision in force now. Returns false otherwise (stale).
   */
  async approve(em: EntityManager, payYear: number, previewId: string, by: string): Promise<boolean> {
    const rows = (await em.query(
      `UPDATE recalibrations r SET status = 'approved', approved_by = $3, approved_at = now(), updated_at = now()
        WHERE r.pay_year = $1 AND r.preview_id = $2 AND r.status = 'previewed'
          AND r.preview_multiplier_revision = r.multiplier_revision
          AND r.preview_wage_revision = (SELECT w.revision FROM city_average_wages w WHERE w.year = r.reference_wage_year)
        RETURNING r.pay_year`,
      [payYear, previewId, by],
    )) as [unknown[], number];
    return rowsOf(rows).length === 1;
  }

  async setMultiplier(em: EntityManager, payYear: number, multiplier: number): Promise<RecalibrationRow> {
    await em.query(
      `UPDATE recalibrations SET multiplier = $2, multiplier_revision = multiplier_revision + 1,
              status = CASE WHEN status = 'previewed' THEN 'open' ELSE status END, updated_at = now() WHERE pay_year = $1`,
      [payYear, multiplier],
    );
    return (await this.find(payYear, em))!;
  }

  async startApply(em: EntityManager, payYear: number, previewId: string): Promise<RecalibrationRow | undefined> {
    const rows = (await em.query(
      `UPDATE recalibrations SET status = 'applying', apply_started_at = COALESCE(apply_started_at, now()),
              apply_total = (SELECT count(*) FROM recalibration_lines WHERE pay_year = $1), updated_at = now()
        WHERE pay_year = $1 AND preview_id = $2 AND status IN ('approved', 'applying') RETURNING pay_year`,
      [payYear, previewId],
    )) as [unknown[], number];
    return rowsOf(rows).length ? this.find(payYear, em) : undefined;
  }

  /**
   * The next `limit` lines not yet applied after `after` (worker order), read without a lock: what
   * the apply will most likely take next, so its events can be prepared while the chunk before it
   * is written (`applyLines` decides what is actually taken).
   */
  async nextLines(payYear: number, after: string | null, limit: number): Promise<AppliedChunk[]> {
    return (await this.dataSource.query(
      `SELECT l.worker_id AS "workerId", l.unit_code AS "unitCode", l.previous_fen::float8 AS "previousFen", l.new_fen::float8 AS "newFen"
         FROM recalibration_lines l ${ROUND_CHANGE}
        WHERE l.pay_year = $1 AND l.worker_id > $2 AND rc.hit IS NULL
        ORDER BY l.worker_id LIMIT $3`,
      [payYear, after ?? '', limit],
    )) as AppliedChunk[];
  }

  /**
   * Applies the given workers' lines that are not yet applied, in ONE set-based statement (one
   * round trip per chunk). The pay-change record is the mark: unique per worker, year and apply
   * round (the first round's key is the year, a later round's `<year>#<round>`), so its insert
   * (`ON CONFLICT DO NOTHING`, in worker order) decides which lines this attempt applies; an
   * attempt racing another waits on the other's rows and takes none of them. Then, for exactly
   * those, the workers' pay is set (never over a later pay year's; a re-opened year, PAY-3, sets
   * its own year's pay again) and the year's progress counted. The lines themselves are never
   * written (one row write per worker less than marking them). Returns the lines applied (for
   * their events) and the number applied so far; lines applied already change nothing.
   */
  async applyLines(em: EntityManager, payYear: number, workerIds: readonly string[]): Promise<{ chunk: AppliedChunk[]; done: number }> {
    const rows = (await em.query(
      `WITH changes AS (
         INSERT INTO pay_changes (worker_id, kind, source_key, effective_from, previous_fen, new_fen)
         SELECT l.worker_id, 'recalibration', ${ROUND_KEY}, make_date($1::int, 1, 1), l.previous_fen, l.new_fen
           FROM recalibration_lines l WHERE l.pay_year = $1 AND l.worker_id = ANY($2::text[]) ORDER BY l.worker_id
         ON CONFLICT (worker_id, kind, source_key) DO NOTHING
         RETURNING worker_id, previous_fen, new_fen),
       paid AS (
         UPDATE pay_workers w SET annual_pay_fen = c.new_fen, pay_year = $1, updated_at = now() FROM changes c
          WHERE w.worker_id = c.worker_id AND (w.pay_year IS NULL OR w.pay_year <= $1)),
       progress AS (
         UPDATE recalibrations SET apply_done = apply_done + (SELECT count(*) FROM changes), updated_at = now()
          WHERE pay_year = $1 AND EXISTS (SELECT 1 FROM changes) RETURNING apply_done)
       SELECT c.worker_id AS "workerId", l.unit_code AS "unitCode", c.previous_fen::float8 AS "previousFen", c.new_fen::float8 AS "newFen",
              (SELECT apply_done FROM progress) AS done
         FROM changes c JOIN recalibration_lines l ON l.pay_year = $1 AND l.worker_id = c.worker_id ORDER BY c.worker_id`,
      [payYear, workerIds],
    )) as Array<AppliedChunk & { done: number }>;
    return {
      chunk: rows.map(({ workerId, unitCode, previousFen, newFen }) => ({ workerId, unitCode, previousFen, newFen })),
      done: rows[0]?.done ?? 0,
    };
  }

  /**
   * Lines of the year not applied in its current round. The progress counter says when to look
   * (it moves in the chunks' own transactions); this exact count confirms it before the finish.
   */
  async remaining(payYear: number, em: EntityManager = this.dataSource.manager): Promise<number> {
    const rows = (await em.query(
      `SELECT count(*)::int AS n FROM recalibration_lines l ${ROUND_CHANGE} WHERE l.pay_year = $1 AND rc.hit IS NULL`,
      [payYear],
    )) as Array<{ n: number }>;
    return rows[0]!.n;
  }

  async finish(em: EntityManager, payYear: number, previewId: string): Promise<boolean> {
    const rows = (await em.query(
      `UPDATE recalibrations SET status = 'applied', applied_at = now(), updated_at = now() WHERE pay_year = $1 AND preview_id = $2 AND status = 'applying' RETURNING pay_year`,
      [payYear, previewId],
    )) as [unknown[], number];
    return rowsOf(rows).length === 1;
  }

  async line(payYear: number, workerId: string): Promise<(RecalibrationLineRow & { explanation: unknown }) | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT l.worker_id AS "workerId", l.unit_code AS "unitCode", l.group_no AS "groupNo", l.previous_fen::float8 AS "previousFen", l.new_fen::float8 AS "newFen",
              rc.hit IS NOT NULL AS applied, g.explanation
         FROM recalibration_lines l JOIN recalibration_groups g ON g.pay_year = l.pay_year AND g.group_no = l.group_no ${ROUND_CHANGE}
        WHERE l.pay_year = $1 AND l.worker_id = $2`,
      [payYear, workerId],
    )) as Array<RecalibrationLineRow & { explanation: unknown }>;
    return rows[0];
  }

  /** PAY-8: budget per district (6 digits) or street (9 digits) within a scope prefix. */
  async budget(payYear: number, unitDigits: 6 | 9, scopePrefix: string): Promise<BudgetRow[]> {
    return (await this.dataSource.query(
      `SELECT substr(unit_code, 1, ${unitDigits}) AS "unitCode", count(*)::int AS workers, sum(previous_fen)::float8 AS "previousTotalFen", sum(new_fen)::float8 AS "newTotalFen"
         FROM recalibration_lines WHERE pay_year = $1 AND unit_code LIKE $2 GROUP BY 1 ORDER BY 1`,
      [payYear, `${scopePrefix}%`],
    )) as BudgetRow[];
  }
}

function groupArrays(groups: readonly GroupOutcome[]): unknown[] {
  return [
    groups.map((_, i) => i + 1),
    groups.map((g) => g.category),
    groups.map((g) => g.level),
    groups.map((g) => g.yearsOfService),
    groups.map((g) => g.workers),
    groups.map((g) => g.matrixAnnualFen),
    groups.map((g) => g.floorFen),
    groups.map((g) => g.extraWorkers),
  ];
}

function groupArraysForLines(groups: readonly GroupOutcome[]): unknown[] {
  return [
    groups.map((_, i) => i + 1),
    groups.map((g) => g.category),
    groups.map((g) => g.level),
    groups.map((g) => g.yearsOfService),
    groups.map((g) => g.matrixAnnualFen),
    groups.map((g) => g.floorFen),
    groups.map((g) => g.extraWorkers),
  ];
}

/** TypeORM answers UPDATE … RETURNING with [rows, affected] on postgres. */
function rowsOf(result: unknown): unknown[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
}

/** The pay-change key of the year's current apply round: the year, then `<year>#<round>` (PAY-3 re-opening). */
const ROUND_KEY = `(SELECT CASE WHEN apply_round = 1 THEN pay_year::text ELSE pay_year::text || '#' || apply_round END
                     FROM recalibrations WHERE pay_year = $1)`;
/**
 * A line `l` of year $1 is applied in the current round when its pay change of that round exists:
 * `rc.hit` is null while it is not. A probe per line on the unique (worker, kind, key) index, as a
 * LATERAL with LIMIT so the planner cannot turn it into an anti-join that walks the index of every
 * year's changes (pay_changes keeps them all: that plan took 12 s per chunk at 65,000 workers).
 */
const ROUND_CHANGE = `LEFT JOIN LATERAL (SELECT true AS hit FROM pay_changes c
       WHERE c.worker_id = l.worker_id AND c.kind = 'recalibration' AND c.source_key = ${ROUND_KEY} LIMIT 1) rc ON true`;
