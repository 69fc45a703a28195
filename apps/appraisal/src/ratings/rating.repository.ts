import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NewRating, RatingCountRow } from './rating.row';

/** All SQL of ratings. A second rating by the same rater is refused by the unique key, not by a read. */
@Injectable()
export class RatingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the ratings in one statement; returns the worker ids whose rating was new. */
  async insert(em: EntityManager, ratings: readonly NewRating[]): Promise<string[]> {
    const col = (f: (r: NewRating) => unknown) => ratings.map(f);
    const rows: { worker_id: string }[] = await em.query(
      `INSERT INTO ratings (cycle_id, worker_id, year, source, rater_key, morality, ability, diligence, performance, integrity)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[])
       ON CONFLICT (worker_id, year, source, rater_key) DO NOTHING RETURNING worker_id`,
      [
        col((r) => r.cycleId),
        col((r) => r.workerId),
        col((r) => r.year),
        col((r) => r.source),
        col((r) => r.raterKey),
        col((r) => r.scores.morality),
        col((r) => r.scores.ability),
        col((r) => r.scores.diligence),
        col((r) => r.scores.performance),
        col((r) => r.scores.integrity),
      ],
    );
    return rows.map((r) => r.worker_id);
  }

  /** Per worker of the cycle under `prefix`: how many raters of each source (never who). */
  async counts(cycleId: string, prefix: string): Promise<RatingCountRow[]> {
    return this.dataSource.query(
      `SELECT w.worker_id AS "workerId",
              count(r.id) FILTER (WHERE r.source = 'management')::int AS management,
              count(r.id) FILTER (WHERE r.source = 'peers')::int AS peers,
              count(r.id) FILTER (WHERE r.source = 'residents')::int AS residents
         FROM worker_records w LEFT JOIN ratings r ON r.cycle_id = $1 AND r.worker_id = w.worker_id
        WHERE w.status = 'active' AND w.unit_code LIKE $2
        GROUP BY w.worker_id ORDER BY w.worker_id LIMIT 5000`,
      [cycleId, `${prefix}%`],
    );
  }
}
