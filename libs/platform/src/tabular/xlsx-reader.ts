import { DomainError } from '../errors';
import { readZipEntries, ZipFormatError } from './zip-read';
import { xmlUnescape } from './xml-text';

/** One non-empty row of the first worksheet: its number in the sheet (for messages) and its cells as text. */
export interface XlsxRow {
  rowNumber: number;
  cells: string[];
}

export interface XlsxReadOptions {
  /** The request field the file came in, named in every 400. */
  field: string;
  /** Cap on any one inflated part (default 64 MiB): a small upload must not expand without bound. */
  maxPartBytes?: number;
  /** Cap on the rows read (default 200,000). */
  maxRows?: number;
}

/**
 * The first worksheet of an uploaded XLSX file as rows of text (numbers as written in the file,
 * shared and inline strings resolved, rich-text runs joined, missing cells as ''). Anything that is
 * not a readable workbook is a 400 VALIDATION_FAILED naming the field.
 */
export function readXlsxRows(file: Buffer, options: XlsxReadOptions): XlsxRow[] {
  const maxPartBytes = options.maxPartBytes ?? 64 * 1024 * 1024;
  try {
    const parts = readZipEntries(file, (name) => name.startsWith('xl/'), maxPartBytes);
    const sheet = parts.get(firstSheetPath(parts)) ?? fail('the workbook has no worksheet');
    const shared = sharedStrings(parts.get('xl/sharedStrings.xml'));
    return sheetRows(sheet.toString('utf8'), shared, options.maxRows ?? 200_000);
  } catch (error) {
    if (error instanceof ZipFormatError)
      throw DomainError.validation(options.field, `${options.field} is not a readable XLSX file: ${error.message}`);
    throw error;
  }
}

function fail(message: string): never {
  throw new ZipFormatError(message);
}

function firstSheetPath(parts: Map<string, Buffer>): string {
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? fail('xl/workbook.xml is missing');
  const relationId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1] ?? fail('the workbook lists no sheet');
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    if (attribute(attributes, 'Id') !== relationId) continue;
    const target = attribute(attributes, 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

function sharedStrings(part: Buffer | undefined): string[] {
  if (part === undefined) return [];
  return [...part.toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((item) => textRuns(item[1] ?? ''));
}

/** The text of an <si> or <is>: every <t> joined (rich text splits a string into runs); phonetic hints skipped. */
function textRuns(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => xmlUnescape(t[1] ?? '')).join('');
}

function sheetRows(xml: string, shared: string[], maxRows: number): XlsxRow[] {
  const rows: XlsxRow[] = [];
  let implicitRow = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attribute(rowMatch[1] ?? '', 'r') ?? implicitRow + 1);
    implicitRow = rowNumber;
    const cells: string[] = [];
    let implicitColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cellMatch[1] ?? '';
      const ref = attribute(attributes, 'r');
      const column = ref === undefined ? implicitColumn : columnIndex(ref);
      implicitColumn = column + 1;
      const value = cellValue(attribute(attributes, 't'), cellMatch[2] ?? '', shared);
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (rows.length >= maxRows) fail(`more than ${maxRows} rows`);
    rows.push({ rowNumber, cells });
  }
  return rows;
}

function cellValue(type: string | undefined, inner: string, shared: string[]): string {
  if (type === 'inlineStr') return textRuns(inner);
  const raw = xmlUnescape(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
  if (type === 's') return shared[Number(raw)] ?? fail(`shared string ${raw} is missing`);
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  return raw;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return match?.[1] === undefined ? undefined : xmlUnescape(match[1]);
}

/** "B7" → 1, "AA3" → 26. */
function columnIndex(ref: string): number {
  let index = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}
