import type { DataSource, EntityManager } from 'typeorm';
import type { EventContract } from '@cwp/contracts';
import { keysetAt, keysetPage, type KeysetPosition, type KeysetRow } from '../database/keyset';
import type { OutboxWriter } from './outbox-writer';

/** The table remembering how far each state topic has published (a service's migration runs it once). */
export const STATE_PUBLICATION_MARKS_SQL = `
CREATE TABLE IF NOT EXISTS state_publication_marks (
  name         text PRIMARY KEY,
  updated_at   text NOT NULL,
  id           uuid NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
)`;

/** One aggregate's state topic: which rows, and the event (key, data) each row's latest state becomes. */
export interface StatePublication<Row, Data> {
  /** The mark's name, e.g. `worker-state`. */
  name: string;
  contract: EventContract<Data>;
  table: string;
  alias: string;
  /** Select list of the row (must include `<alias>.id AS id`). */
  columns: string;
  /** The event of a row's latest state; `keysetPosition` is its updated_at with microseconds. */
  toEvent(row: KeysetRow<Row>): { key: string; data: Data };
}

/** Rows per transaction of a publication (one outbox appendMany each). */
export const STATE_PUBLICATION_CHUNK = 2_000;

/**
 * Publishes the latest state of every row changed since the last publication onto the
 * aggregate's compacted topic (issue 14 bootstrap), through the outbox: walks the table in
 * (updated_at, id) order behind the keyset horizon (no change still uncommitted is passed over),
 * a chunk per transaction with the mark moved in the same transaction, under an advisory lock so
 * two instances never publish the same chunk. Set-based: one page query and one batch append per
 * chunk, whatever wrote the rows (API, bulk COPY, a workflow). Returns how many were published.
 */
export async function publishStateChanges<Row extends { id: string }, Data>(
  dataSource: DataSource,
  outbox: OutboxWriter,
  publication: StatePublication<Row, Data>,
  chunk = STATE_PUBLICATION_CHUNK,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { published, more } = await dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`state-publication:${publication.name}`]);
      const start = await readMark(em, publication.name);
      const page = await keysetPage<Row>(em, { ...publication, where: 'true', params: [], start, limit: chunk });
      if (page.rows.length === 0) return { published: 0, more: false };
      await outbox.appendMany(em, publication.contract, page.rows.map(publication.toEvent));
      const last = page.rows[page.rows.length - 1]!;
      await em.query(
        `INSERT INTO state_publication_marks (name, updated_at, id) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET updated_at = EXCLUDED.updated_at, id = EXCLUDED.id, published_at = now()`,
        [publication.name, last.keysetPosition, last.id],
      );
      return { published: page.rows.length, more: page.hasMore };
    });
    total += published;
    if (!more) return total;
  }
}

async function readMark(em: EntityManager, name: string): Promise<KeysetPosition> {
  const [mark] = (await em.query('SELECT updated_at AS "updatedAt", id FROM state_publication_marks WHERE name = $1', [
    name,
  ])) as Array<KeysetPosition>;
  return mark ?? keysetAt('1970-01-01T00:00:00Z');
}
