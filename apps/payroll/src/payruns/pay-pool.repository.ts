import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Grade } from '@cwp/policy';
import { PAY_POOL_COLUMNS, PAY_POOL_LINE_COLUMNS, type PayPoolLineRow, type PayPoolRow, type PoolUnitInputs } from './pay-pool.row';

/** A unit's pool row as the run writes it (inputs read, what it paid or which inputs were missing). */
export interface PoolWrite {
  unitCode: string;
  status: 'paid' | 'inputs-missing';
  missing: string[];
  quota: number | null;
  gradeCounts: Partial<Record<Grade, number>>;
  ungraded: number;
  poolFen: number | null;
  instalmentFen: number | null;
  distributedFen: number | null;
  /** One fen more each for the first `extraFen` members by (remainder rank, worker id). */
  extraFen: number;
  grades: ReadonlyArray<{ grade: Grade; perHeadFen: number; remainderRank: number | null }>;
}

/**
 * All SQL of the performance pool on the monthly slips (PAY-5, PAY-6). Set-based: one statement
 * reads every unit's inputs, one writes the units, one writes every member's line, one puts the
 * lines on the slips; never a statement per worker. Writes take the run's transaction.
 */
@Injectable()
export class PayPoolRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every unit with a slip this period: its own quota places (a residential area's, a street's
   * centres; floating places carry no pool, QUOTA-4) and its paid workers counted by their grade of
   * the appraisal year (none published: ungraded). The slips are the members: who is paid this month.
   */
  async unitInputs(em: EntityManager, period: string, appraisalYear: number): Promise<PoolUnitInputs[]> {
    return (await em.query(
      `SELECT s.unit_code AS "unitCode", q.quota,
              count(*) FILTER (WHERE g.grade = 'excellent')::int AS excellent,
              count(*) FILTER (WHERE g.grade = 'qualified')::int AS qualified,
              count(*) FILTER (WHERE g.grade = 'basically-qualified')::int AS "basically-qualified",
              count(*) FILTER (WHERE g.grade = 'unqualified')::int AS unqualified,
              count(*) FILTER (WHERE g.grade IS NULL)::int AS ungraded
         FROM pay_slips s
         LEFT JOIN appraisal_grades g ON g.worker_id = s.worker_id AND g.year = $2
         LEFT JOIN (SELECT unit_code, sum(quota)::int AS quota FROM unit_quotas WHERE kind IN ('area', 'centre') GROUP BY 1) q
                ON q.unit_code = s.unit_code
        WHERE s.period = $1
        GROUP BY s.unit_code, q.quota ORDER BY s.unit_code`,
      [period, appraisalYear],
    )) as PoolUnitInputs[];
  }

  /** Writes the units' pool rows, then every member's share of the paid pools, then the slips' performance pay. */
  async write(
    em: EntityManager,
    p: {
      period: string;
      appraisalYear: number;
      instalment: number;
      instalments: number;
      referenceWage: { year: number; annualFen: number } | null;
      units: readonly PoolWrite[];
    },
  ): Promise<void> {
    const u = p.units;
    await em.query(
      `INSERT INTO pay_pools (period, unit_code, status, missing, appraisal_year, instalment, instalments, quota, reference_wage_year,
                              reference_wage_fen, grade_counts, ungraded, pool_fen, instalment_fen, distributed_fen)
       SELECT $1, x.unit_code, x.status, COALESCE(string_to_array(NULLIF(x.missing, ''), ','), '{}'), $2, $3, $4, x.quota, $5, $6, x.counts::jsonb, x.ungraded,
              x.pool, x.inst, x.dist
         FROM unnest($7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::int[], $13::bigint[], $14::bigint[], $15::bigint[])
           AS x(unit_code, status, missing, quota, counts, ungraded, pool, inst, dist)`,
      [
        p.period,
        p.appraisalYear,
        p.instalment,
        p.instalments,
        p.referenceWage?.year ?? null,
        p.referenceWage?.annualFen ?? null,
        u.map((x) => x.unitCode),
        u.map((x) => x.status),
        u.map((x) => x.missing.join(',')),
        u.map((x) => x.quota),
        u.map((x) => JSON.stringify(x.gradeCounts)),
        u.map((x) => x.ungraded),
        u.map((x) => x.poolFen),
        u.map((x) => x.instalmentFen),
        u.map((x) => x.distributedFen),
      ],
    );
    const paid = u.filter((x) => x.status === 'paid');
    if (paid.length === 0) return;
    const grades = paid.flatMap((x) => x.grades.map((g) => ({ unitCode: x.unitCode, ...g })));
    // The grade's floor, plus one fen for the first `extra` members of the unit ordered by the
    // remainder rank of their grade, then worker id: libs/policy `memberShares`, set-based.
    await em.query(
      `WITH u AS (SELECT * FROM unnest($3::text[], $4::bigint[]) AS u(unit_code, extra)),
       gs AS (SELECT * FROM unnest($5::text[], $6::text[], $7::bigint[], $8::int[]) AS gs(unit_code, grade, per_head, rank)),
       m AS (
         SELECT s.worker_id, s.unit_code, g.grade, COALESCE(gs.per_head, 0) AS per_head, gs.rank, u.extra,
                row_number() OVER (PARTITION BY s.unit_code ORDER BY gs.rank NULLS LAST, s.worker_id) AS pos
           FROM pay_slips s
           JOIN u ON u.unit_code = s.unit_code
           LEFT JOIN appraisal_grades g ON g.worker_id = s.worker_id AND g.year = $2
           LEFT JOIN gs ON gs.unit_code = s.unit_code AND gs.grade = g.grade
          WHERE s.period = $1)
       INSERT INTO pay_pool_lines (period, worker_id, unit_code, grade, share_fen)
       SELECT $1, m.worker_id, m.unit_code, m.grade, m.per_head + CASE WHEN m.rank IS NOT NULL AND m.pos <= m.extra THEN 1 ELSE 0 END FROM m`,
      [
        p.period,
        p.appraisalYear,
        paid.map((x) => x.unitCode),
        paid.map((x) => x.extraFen),
        grades.map((g) => g.unitCode),
        grades.map((g) => g.grade),
        grades.map((g) => g.perHeadFen),
        grades.map((g) => g.remainderRank),
      ],
    );
    await em.query(
      `UPDATE pay_slips s SET performance_fen = l.share_fen FROM pay_pool_lines l
        WHERE s.period = $1 AND l.period = $1 AND l.worker_id = s.worker_id AND l.share_fen <> 0`,
      [p.period],
    );
  }

  async line(period: string, workerId: string): Promise<PayPoolLineRow | undefined> {
    return (
      (await this.dataSource.query(`SELECT ${PAY_POOL_LINE_COLUMNS} FROM pay_pool_lines l WHERE l.period = $1 AND l.worker_id = $2`, [
        period,
        workerId,
      ])) as PayPoolLineRow[]
    )[0];
  }

  async pool(period: string, unitCode: string): Promise<PayPoolRow | undefined> {
    return (
      (await this.dataSource.query(`SELECT ${PAY_POOL_COLUMNS} FROM pay_pools p WHERE p.period = $1 AND p.unit_code = $2`, [
        period,
        unitCode,
      ])) as PayPoolRow[]
    )[0];
  }

  /** The period's pools within a scope prefix, optionally only those whose inputs were missing. */
  async pools(period: string, scopePrefix: string, status?: 'paid' | 'inputs-missing'): Promise<PayPoolRow[]> {
    return (await this.dataSource.query(
      `SELECT ${PAY_POOL_COLUMNS} FROM pay_pools p WHERE p.period = $1 AND p.unit_code LIKE $2 AND ($3::text IS NULL OR p.status = $3)
        ORDER BY p.unit_code`,
      [period, `${scopePrefix}%`, status ?? null],
    )) as PayPoolRow[];
  }
}
