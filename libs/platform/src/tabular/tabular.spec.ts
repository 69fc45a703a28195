import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { DomainError } from '../errors';
import { csvField, csvStream } from './csv-writer';
import { readXlsxRows } from './xlsx-reader';
import { columnLetters, xlsxStream } from './xlsx-writer';
import { zipStream } from './zip-stream';
import type { TabularCell } from './tabular-row';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const entries = Object.entries(parts).map(([name, xml]) => ({ name, content: [Buffer.from(xml)] }));
  return collect(Readable.from(zipStream(entries)));
}

const WORKBOOK = {
  'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="成绩" sheetId="1" r:id="rId7"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/scores.xml"/></Relationships>',
};

describe('XLSX writer and reader', () => {
  it('round-trips Chinese headers, XML specials, numbers and empty cells through a valid zip', async () => {
    const rows: TabularCell[][] = Array.from({ length: 1_000 }, (_, index) => [
      `W${index}`,
      index % 7 === 0 ? null : `张三 & <李四> "${index}"`,
      index + 0.5,
      index % 3 === 0 ? '' : '310101002',
    ]);
    const file = await collect(xlsxStream(['工号', '姓名', '综合成绩', '街道'], rows, { sheetName: '排名/名单' }));

    const read = readXlsxRows(file, { field: 'file' });
    expect(read[0]).toEqual({ rowNumber: 1, cells: ['工号', '姓名', '综合成绩', '街道'] });
    expect(read).toHaveLength(1_001);
    expect(read[8]).toEqual({ rowNumber: 9, cells: ['W7', '', '7.5', '310101002'] });
    expect(read[2]?.cells).toEqual(['W1', '张三 & <李四> "1"', '1.5', '310101002']);
    expect(read[1]?.cells).toEqual(['W0', '', '0.5']);
  });

  it('drops characters XML cannot hold instead of writing a file no program opens', async () => {
    const file = await collect(xlsxStream(['备注'], [['a\u0001b\u000bc\td']]));
    expect(readXlsxRows(file, { field: 'file' })[1]?.cells).toEqual(['abc\td']);
  });

  it('reads shared strings, rich-text runs, gaps between cells, booleans and the sheet the workbook names', async () => {
    const file = await zipOf({
      ...WORKBOOK,
      'xl/sharedStrings.xml':
        '<sst><si><t>报名号</t></si><si><r><t>笔</t></r><r><t xml:space="preserve">试 </t></r><rPh><t>ひ</t></rPh></si><si><t>A&amp;B</t></si></sst>',
      'xl/worksheets/scores.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
        '<row r="2"/><row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="b"><v>1</v></c><c r="C4"><v>88.5</v></c></row></sheetData></worksheet>',
    });
    expect(readXlsxRows(file, { field: 'scores' })).toEqual([
      { rowNumber: 1, cells: ['报名号', '', '笔试 '] },
      { rowNumber: 4, cells: ['A&B', 'TRUE', '88.5'] },
    ]);
  });

  it.each([
    ['not a zip', Buffer.from('报名号,笔试\n1,80\n')],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s with 400 naming the field', (_, file) => {
    expect(() => readXlsxRows(file, { field: 'scoresFile' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'scoresFile' }) as DomainError,
    );
  });

  it('refuses a zip without a workbook, and a corrupt part (CRC mismatch)', async () => {
    const noWorkbook = await zipOf({ 'xl/other.xml': '<x/>' });
    expect(() => readXlsxRows(noWorkbook, { field: 'file' })).toThrow(/xl\/workbook.xml is missing/);

    const good = await collect(xlsxStream(['a'], [['b']]));
    const corrupt = Buffer.from(good);
    const at = corrupt.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length + 2;
    corrupt[at] = (corrupt[at] ?? 0) ^ 0xff;
    expect(() => readXlsxRows(corrupt, { field: 'file' })).toThrow(expect.objectContaining({ field: 'file' }) as DomainError);
  });

  it('refuses a small upload that would inflate past the cap (a zip bomb)', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const bomb = await zipOf({ ...WORKBOOK, 'xl/worksheets/scores.xml': zeros.toString() });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(deflateRawSync(zeros).length).toBeLessThan(64 * 1024);
    expect(() => readXlsxRows(bomb, { field: 'file', maxPartBytes: 1024 * 1024 })).toThrow(/more than 1048576 bytes/);
  });

  it('pulls rows only as the client reads, and a client that leaves stops the source', async () => {
    let pulled = 0;
    let closed = false;
    function* rows(): Generator<TabularCell[]> {
      try {
        for (let index = 0; index < 1_000_000; index++) {
          pulled += 1;
          yield [`W${index}`, '上海市黄浦区南京东路街道社区工作者', index];
        }
      } finally {
        closed = true;
      }
    }
    const stream = xlsxStream(['工号', '岗位', '序号'], rows());
    const iterator = stream[Symbol.asyncIterator]();
    let bytes = 0;
    while (pulled === 0) bytes += ((await iterator.next()).value as Buffer).length;
    bytes += ((await iterator.next()).value as Buffer).length;
    expect(bytes).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(100_000);
    await iterator.return?.();
    // The source closes once the zip stream's teardown reaches it, behind deflate work on libuv's
    // thread pool: on a loaded machine that took more than 1,000 event-loop turns (a CI run), so the
    // wait is for the condition, bounded in time, not in turns.
    const deadline = Date.now() + 10_000;
    while (!closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(closed).toBe(true);
  });

  it('fails the download when the source fails mid-way', async () => {
    async function* rows(): AsyncGenerator<TabularCell[]> {
      yield ['W1'];
      await Promise.resolve();
      throw new Error('cursor lost');
    }
    await expect(collect(xlsxStream(['工号'], rows()))).rejects.toThrow('cursor lost');
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('CSV writer', () => {
  it('writes a BOM, CRLF lines and RFC 4180 quoting', async () => {
    const text = (
      await collect(
        csvStream(
          ['工号', '备注'],
          [
            ['W1', 'a,"b"\nc'],
            ['W2', null],
            [3, 4.5],
          ],
        ),
      )
    ).toString('utf8');
    expect(text).toBe('\uFEFF工号,备注\r\nW1,"a,""b""\nc"\r\nW2,\r\n3,4.5\r\n');
  });

  it('never lets a text cell run as a spreadsheet formula (CSV injection)', () => {
    expect(['=1+1', '+86', '-2', '@SUM(A1)', '正常'].map(csvField)).toEqual(["'=1+1", "'+86", "'-2", "'@SUM(A1)", '正常']);
    expect(csvField(-2)).toBe('-2');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
