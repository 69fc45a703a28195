import { StreamableFile } from '@nestjs/common';
import { csvStream } from './csv-writer';
import type { TabularRows } from './tabular-row';
import { xlsxStream } from './xlsx-writer';

/** The two table formats operators download: CSV for tools, XLSX for people. */
export const TABULAR_FORMATS = ['csv', 'xlsx'] as const;
export type TabularFormat = (typeof TABULAR_FORMATS)[number];

const CONTENT_TYPES: Record<TabularFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A streamed table download in the asked format: `basename` is ASCII (the file name clients save),
 * `title` names the XLSX sheet. Rows are pulled only as the client reads.
 */
export function tabularFile(
  format: TabularFormat,
  basename: string,
  headers: readonly string[],
  rows: TabularRows,
  title?: string,
): StreamableFile {
  const stream = format === 'xlsx' ? xlsxStream(headers, rows, title === undefined ? {} : { sheetName: title }) : csvStream(headers, rows);
  return new StreamableFile(stream, { type: CONTENT_TYPES[format], disposition: `attachment; filename="${basename}.${format}"` });
}
