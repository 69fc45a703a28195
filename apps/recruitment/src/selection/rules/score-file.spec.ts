import { Readable } from 'node:stream';
import { readXlsxRows, xlsxStream } from '@cwp/platform';
import { parseScoreCsv, parseScoreXlsx } from './score-file';

async function workbook(headers: string[], rows: Array<Array<string | number>>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of xlsxStream(headers, rows) as Readable) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

const A = '0b7f2f0e-1c1a-4c59-9d0a-4f6b8f1e2a01';
const B = '0b7f2f0e-1c1a-4c59-9d0a-4f6b8f1e2a02';

describe('parseScoreCsv', () => {
  it('REC-6 reads a well-formed file, English or Chinese header, BOM and CRLF tolerated', () => {
    expect(parseScoreCsv(`applicantId,score\r\n${A},88.5\r\n${B},100\r\n`)).toEqual({
      lines: [
        { line: 2, applicantId: A, score: 88.5 },
        { line: 3, applicantId: B, score: 100 },
      ],
      problems: [],
    });
    expect(parseScoreCsv(`\uFEFF报名编号,成绩\n${A},0`).lines).toHaveLength(1);
  });

  it('REC-6 reports every bad row with its line number and field', () => {
    const { problems } = parseScoreCsv(`applicantId,score\n${A},101\nnot-an-id,50\n${A},70\n${B},7x,1`);
    expect(problems).toEqual([
      { line: 2, field: 'score', message: 'score "101" must be a number 0..100 with at most two decimals (REC-6)' },
      { line: 3, field: 'applicantId', message: 'applicantId is not an applicant id' },
      { line: 4, field: 'applicantId', message: 'applicantId repeats line 2' },
      { line: 5, field: 'file', message: 'expected 2 columns, found 3' },
    ]);
  });

  it('refuses a file without the header or without lines', () => {
    expect(parseScoreCsv(`${A},50`).problems[0]).toMatchObject({ line: 1, field: 'header' });
    expect(parseScoreCsv('applicantId,score\n').problems[0]).toMatchObject({ field: 'file' });
  });

  it('REC-6 an XLSX file is read as rows (numbers as numbers) and checked the same way, row numbers as lines', async () => {
    const good = readXlsxRows(
      await workbook(
        ['报名编号', '成绩'],
        [
          [A, 88.5],
          [B, 100],
        ],
      ),
      { field: 'xlsx' },
    );
    expect(parseScoreXlsx(good)).toEqual({
      lines: [
        { line: 2, applicantId: A, score: 88.5 },
        { line: 3, applicantId: B, score: 100 },
      ],
      problems: [],
    });
    const bad = readXlsxRows(
      await workbook(
        ['applicantId', 'score'],
        [
          [A, 70],
          ['x', 101],
        ],
      ),
      { field: 'xlsx' },
    );
    expect(parseScoreXlsx(bad).problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'applicantId'],
      [3, 'score'],
    ]);
  });
});
