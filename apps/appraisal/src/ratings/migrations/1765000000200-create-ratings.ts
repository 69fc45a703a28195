import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ratings on the five dimensions (APPR-1) from three sources (APPR-3). `rater_key` identifies the
 * rater only as far as "once per worker and year" needs: the operator's subject (management),
 * the peer's worker id (peers), or a keyed hash for residents (no resident identity is stored).
 * The unique key makes a second rating by the same rater a clean refusal.
 */
export class CreateRatings1765000000200 implements MigrationInterface {
  name = 'CreateRatings1765000000200';

  async up(q: QueryRunner): Promise<void> {
    const score = (name: string) => `${name} smallint NOT NULL CHECK (${name} BETWEEN 0 AND 100)`;
    await q.query(`
      CREATE TABLE ratings (
        id          bigserial PRIMARY KEY,
        cycle_id    uuid        NOT NULL REFERENCES cycles (id),
        worker_id   text COLLATE "C" NOT NULL,
        year        int         NOT NULL,
        source      text        NOT NULL CHECK (source IN ('management', 'peers', 'residents')),
        rater_key   text        NOT NULL CHECK (char_length(rater_key) BETWEEN 1 AND 128),
        ${score('morality')},
        ${score('ability')},
        ${score('diligence')},
        ${score('performance')},
        ${score('integrity')},
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (worker_id, year, source, rater_key)
      )`);
    await q.query(`CREATE INDEX ratings_cycle_worker_idx ON ratings (cycle_id, worker_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ratings');
  }
}
