import { Readable } from 'node:stream';
import { inChunks, type TabularCell, type TabularRows } from './tabular-row';

// A text cell a spreadsheet would run as a formula (CSV injection): it is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; text never read as a formula. */
export function csvField(value: TabularCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file streamed row by row: UTF-8 with a byte-order mark (so spreadsheet programs read
 * Chinese headers), CRLF line ends, the header row first.
 */
export function csvStream(headers: readonly string[], rows: TabularRows): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    yield Buffer.from(`\uFEFF${headers.map(csvField).join(',')}\r\n`, 'utf8');
    yield* inChunks(rows, (cells) => `${cells.map(csvField).join(',')}\r\n`);
  }
  return Readable.from(lines(), { objectMode: false });
}
