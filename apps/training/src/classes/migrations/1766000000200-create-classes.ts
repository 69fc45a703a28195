import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classes, enrolments and training hours (TRAIN-3, TRAIN-4), and certificates (TRAIN-8).
 * - classes: a course held by a unit on dates at a place with a capacity; `off_job` marks
 *   off-the-job (脱产) classes, which count for TRAIN-4.
 * - enrolments: who attends (enrolled by the worker's operators or from a recommendation).
 * - training_hours: one row per attendance or online completion; the yearly compliance run sums
 *   these (index on year, worker). `completion_id` is the e-learning system's idempotency key.
 * - certificates: exams passed (TRAIN-8), published as events.
 */
export class CreateClasses1766000000200 implements MigrationInterface {
  name = 'CreateClasses1766000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE classes (
        id          uuid PRIMARY KEY,
        course_id   uuid NOT NULL REFERENCES library_resources (id),
        unit_code   text COLLATE "C" NOT NULL CHECK (unit_code ~ '^31([0-9]{4}([0-9]{3}([0-9]{3})?)?)?$'),
        starts_on   date NOT NULL,
        ends_on     date NOT NULL,
        place       text NOT NULL CHECK (char_length(place) BETWEEN 1 AND 200),
        capacity    int NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
        off_job     boolean NOT NULL,
        enrolled    int NOT NULL DEFAULT 0,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        version     int NOT NULL DEFAULT 1,
        CHECK (ends_on >= starts_on),
        CHECK (enrolled <= capacity)
      )`);
    await q.query(`CREATE INDEX classes_unit_idx ON classes (unit_code, starts_on)`);
    await q.query(`
      CREATE TABLE enrolments (
        class_id    uuid NOT NULL REFERENCES classes (id),
        worker_id   text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        source      text NOT NULL CHECK (source IN ('operator', 'recommended')),
        enrolled_by text NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (class_id, worker_id)
      )`);
    await q.query(`
      CREATE TABLE training_hours (
        id            uuid PRIMARY KEY,
        worker_id     text COLLATE "C" NOT NULL,
        year          int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        on_date       date NOT NULL,
        hours         numeric(5, 1) NOT NULL CHECK (hours > 0 AND hours <= 24),
        off_job       boolean NOT NULL,
        source        text NOT NULL CHECK (source IN ('attendance', 'online')),
        class_id      uuid REFERENCES classes (id),
        course_id     uuid REFERENCES library_resources (id),
        module        text,
        completion_id text UNIQUE,
        recorded_by   text NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        CHECK (year = extract(year FROM on_date)),
        UNIQUE (class_id, worker_id, on_date)
      )`);
    await q.query(`CREATE INDEX training_hours_year_worker_idx ON training_hours (year, worker_id) INCLUDE (hours, off_job)`);
    await q.query(`
      CREATE TABLE certificates (
        id          uuid PRIMARY KEY,
        worker_id   text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        kind        text NOT NULL,
        passed_on   date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (worker_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['certificates', 'training_hours', 'enrolments', 'classes']) await q.query(`DROP TABLE ${t}`);
  }
}
