import { Readable } from 'node:stream';
import { inChunks, type TabularCell, type TabularRows } from './tabular-row';
import { xmlText } from './xml-text';
import { zipStream, type ZipEntry } from './zip-stream';

// The largest row count one worksheet may hold (Excel's limit); a longer export is refused rather than cut.
export const XLSX_MAX_ROWS = 1_048_576;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
// Style 1 is the bold header row; style 0 the default.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface XlsxOptions {
  /** The worksheet's tab name (Excel allows 31 characters, none of : \ / ? * [ ]). */
  sheetName?: string;
}

/**
 * A one-sheet XLSX workbook streamed row by row: the header row in bold and frozen, text as inline
 * strings (no shared-string table, so memory stays flat however many rows), numbers as numbers.
 * The rows are read only as fast as the client takes the file.
 */
export function xlsxStream(headers: readonly string[], rows: TabularRows, options: XlsxOptions = {}): Readable {
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', content: [Buffer.from(CONTENT_TYPES)] },
    { name: '_rels/.rels', content: [Buffer.from(ROOT_RELS)] },
    { name: 'xl/workbook.xml', content: [Buffer.from(workbook(options.sheetName ?? 'Sheet1'))] },
    { name: 'xl/_rels/workbook.xml.rels', content: [Buffer.from(WORKBOOK_RELS)] },
    { name: 'xl/styles.xml', content: [Buffer.from(STYLES)] },
    { name: 'xl/worksheets/sheet1.xml', content: worksheet(headers, rows) },
  ];
  return Readable.from(zipStream(entries), { objectMode: false });
}

function workbook(sheetName: string): string {
  const name = xmlText(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)) || 'Sheet1';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

async function* worksheet(headers: readonly string[], rows: TabularRows): AsyncGenerator<Buffer> {
  const letters = headers.map((_, index) => columnLetters(index));
  yield Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>` +
      row(1, headers, letters, 1),
  );
  let rowNumber = 1;
  yield* inChunks(rows, (cells) => {
    rowNumber += 1;
    if (rowNumber > XLSX_MAX_ROWS) throw new Error(`an XLSX sheet holds at most ${XLSX_MAX_ROWS} rows`);
    return row(rowNumber, cells, letters, 0);
  });
  yield Buffer.from('</sheetData></worksheet>');
}

function row(rowNumber: number, cells: readonly TabularCell[], letters: string[], style: number): string {
  let xml = `<row r="${rowNumber}">`;
  const styled = style === 0 ? '' : ` s="${style}"`;
  for (let index = 0; index < cells.length; index++) {
    const value = cells[index];
    if (value === null || value === undefined || value === '') continue;
    const ref = `${letters[index] ?? columnLetters(index)}${rowNumber}`;
    xml +=
      typeof value === 'number' && Number.isFinite(value)
        ? `<c r="${ref}"${styled}><v>${value}</v></c>`
        : `<c r="${ref}"${styled} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
  }
  return `${xml}</row>`;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
