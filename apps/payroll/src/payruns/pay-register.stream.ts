import { PassThrough, type Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { to as copyTo } from 'pg-copy-streams';
import type { TabularCell } from '@cwp/platform';

/** The register's columns (Chinese headers), one list for the CSV and the XLSX form. */
export const PAY_REGISTER_HEADERS = [
  '工号',
  '单位代码',
  '区',
  '街道',
  '期间',
  '年度薪酬（元）',
  '基本工资（元）',
  '绩效工资（元）',
  '补发（元）',
  '本月合计（元）',
] as const;

const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const SCOPE = /^(31[0-9]{0,10})?$/;
const yuan = (column: string): string => `(${column} / 100.0)::numeric(14, 2)`;

/** The register's SELECT (columns named by PAY_REGISTER_HEADERS), filtered by `where`. */
function registerSelect(where: string): string {
  const values = [
    's.worker_id',
    's.unit_code',
    'substr(s.unit_code, 1, 6)',
    'substr(s.unit_code, 1, 9)',
    's.period',
    yuan('s.annual_fen'),
    yuan('s.base_fen'),
    yuan('s.performance_fen'),
    yuan('s.arrears_fen'),
    yuan('(s.base_fen + s.performance_fen + s.arrears_fen)'),
  ];
  return `SELECT ${values.map((v, i) => `${v} AS "${PAY_REGISTER_HEADERS[i]}"`).join(', ')} FROM pay_slips s WHERE ${where}`;
}

/**
 * The month's pay register (PAY-2, PAY-5) as CSV with Chinese headers, streamed straight from
 * PostgreSQL (`COPY … TO STDOUT`): the city's 62,000 slips never sit in memory. A UTF-8 byte-order
 * mark first, so spreadsheet programs read the headers as Chinese. COPY takes no bind parameters:
 * the period and the scope prefix are checked against strict patterns before they enter the SQL.
 * The connection goes back to the pool when the COPY ends or fails (drained when the client leaves early).
 */
export async function streamPayRegister(dataSource: DataSource, period: string, scopePrefix: string): Promise<Readable> {
  if (!PERIOD.test(period) || !SCOPE.test(scopePrefix)) throw new Error(`invalid register request ${period} / ${scopePrefix}`);
  const sql = `COPY (${registerSelect(`s.period = '${period}' AND s.unit_code LIKE '${scopePrefix}%'`)} ORDER BY s.worker_id)
    TO STDOUT WITH (FORMAT csv, HEADER true)`;
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as { query<T>(stream: T): T };
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    void runner.release();
  };
  const out = new PassThrough();
  out.write('\uFEFF');
  const copy = client.query(copyTo(sql));
  copy.on('error', (error) => {
    release();
    out.destroy(error);
  });
  copy.on('end', release);
  // A client that leaves early: the COPY is drained to its end (a connection mid-COPY must not go back to the pool).
  out.on('close', () => {
    if (released) return;
    copy.unpipe(out);
    copy.resume();
  });
  copy.pipe(out);
  return out;
}

/**
 * The same register as rows for the XLSX form (`tabularFile`): pages of 5,000 slips in worker order
 * (keyset, so each page is an index range scan), pulled only as fast as the client reads; yuan as
 * numbers so the sheet sums them.
 */
export async function* payRegisterRows(dataSource: DataSource, period: string, scopePrefix: string): AsyncGenerator<TabularCell[]> {
  let after = '';
  for (;;) {
    const page = (await dataSource.query(
      `${registerSelect('s.period = $1 AND s.unit_code LIKE $2 AND s.worker_id > $3')} ORDER BY s.worker_id LIMIT 5000`,
      [period, `${scopePrefix}%`, after],
    )) as Array<Record<string, string>>;
    for (const row of page) {
      yield PAY_REGISTER_HEADERS.map((h, i) => (i >= 5 ? Number(row[h]) : row[h]));
    }
    if (page.length < 5000) return;
    after = page[page.length - 1]![PAY_REGISTER_HEADERS[0]]!;
  }
}
