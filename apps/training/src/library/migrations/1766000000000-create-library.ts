import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The city-wide training resource library (TRAIN-10): courses (TRAIN-1 step, TRAIN-5 module,
 * TRAIN-7 form, online/offline, hours), teachers and cases in one table, owned by the city (`31`,
 * city-wide) or a district (local courses on the city syllabus, TRAIN-8); `library_picks` holds
 * what each community picked. `search_tokens`: Han unigrams + bigrams and lower-cased words of
 * title and summary (rules/search-tokens.ts), GIN-indexed; no extension needed (README).
 */
export class CreateLibrary1766000000000 implements MigrationInterface {
  name = 'CreateLibrary1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE library_resources (
        id            uuid PRIMARY KEY,
        kind          text NOT NULL CHECK (kind IN ('course', 'teacher', 'case')),
        owner_unit    text COLLATE "C" NOT NULL CHECK (owner_unit ~ '^31([0-9]{4})?$'),
        title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        summary       text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 2000),
        module        text NOT NULL,
        step          text CHECK (step IN ('induction', 'professional', 'advanced')),
        form          text,
        delivery      text CHECK (delivery IN ('online', 'offline')),
        hours         numeric(5, 1) CHECK (hours > 0 AND hours <= 500),
        affiliation   text CHECK (affiliation IN ('university', 'outstanding-worker', 'other')),
        min_years     int CHECK (min_years BETWEEN 0 AND 40),
        max_years     int CHECK (max_years BETWEEN 0 AND 40),
        search_tokens text[] NOT NULL,
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        version       int NOT NULL DEFAULT 1,
        CHECK (kind <> 'course' OR (step IS NOT NULL AND form IS NOT NULL AND delivery IS NOT NULL AND hours IS NOT NULL)),
        CHECK (kind <> 'teacher' OR affiliation IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX library_resources_tokens_idx ON library_resources USING gin (search_tokens)`);
    await q.query(`CREATE INDEX library_resources_owner_idx ON library_resources (owner_unit, kind, module)`);
    await q.query(`
      CREATE TABLE library_picks (
        unit_code   text COLLATE "C" NOT NULL CHECK (unit_code ~ '^31[0-9]{4}([0-9]{3}([0-9]{3})?)?$'),
        resource_id uuid NOT NULL REFERENCES library_resources (id),
        picked_by   text NOT NULL,
        picked_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_code, resource_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE library_picks');
    await q.query('DROP TABLE library_resources');
  }
}
