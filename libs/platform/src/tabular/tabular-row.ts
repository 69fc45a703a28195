/** One cell of an exported table: text, a number, or empty. */
export type TabularCell = string | number | null | undefined;

/** The rows of an export, produced lazily (a database cursor, a generator) so a city never sits in memory. */
export type TabularRows = AsyncIterable<readonly TabularCell[]> | Iterable<readonly TabularCell[]>;

/** Rows grouped so each chunk handed to a stream is a few tens of kB, not one tiny write per row. */
export async function* inChunks(
  rows: TabularRows,
  render: (row: readonly TabularCell[]) => string,
  rowsPerChunk = 500,
): AsyncGenerator<Buffer> {
  let parts: string[] = [];
  for await (const row of rows) {
    parts.push(render(row));
    if (parts.length >= rowsPerChunk) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''), 'utf8');
}
