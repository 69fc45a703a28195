import type { DataSource } from 'typeorm';

/**
 * The application_name a cursor walk's transaction carries: it is READ ONLY, so it can never hold
 * an uncommitted change, and keyset walks (keysetHorizon) need not wait for it, however long an
 * export takes.
 */
export const READ_ONLY_WALK_APPLICATION = 'cwp-read-only-walk';

/** Rows per FETCH of a cursor walk: one round trip per this many rows, memory bounded by it. */
export const CURSOR_FETCH_ROWS = 2_000;

/**
 * Streams a query's rows through a server-side cursor (`DECLARE … FETCH n`) on a connection of
 * its own, in one read-only REPEATABLE READ transaction (one consistent snapshot however long the
 * walk; marked READ_ONLY_WALK_APPLICATION): memory holds one fetch, never the result. Parameters are bound as usual. A consumer that
 * stops early (`break`, an error, a client gone) ends the generator: the transaction is rolled
 * back and the connection released.
 */
export async function* cursorRows<T>(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
  fetchRows = CURSOR_FETCH_ROWS,
): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await runner.query(`SET LOCAL application_name = '${READ_ONLY_WALK_APPLICATION}'`);
    await runner.query(`DECLARE cursor_rows NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const batch = (await runner.query(`FETCH ${fetchRows} FROM cursor_rows`)) as T[];
      for (const row of batch) yield row;
      if (batch.length < fetchRows) break;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
