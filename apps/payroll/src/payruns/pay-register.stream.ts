import { PassThrough, type Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { to as copyTo } from 'pg-copy-streams';

const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const SCOPE = /^(31[0-9]{0,10})?$/;
const yuan = (column: string): string => `(${column} / 100.0)::numeric(14, 2)`;

/**
 * The month's pay register (PAY-2, PAY-5) as CSV with Chinese headers, streamed straight from
 * PostgreSQL (`COPY … TO STDOUT`): the city's 62,000 slips never sit in memory. A UTF-8 byte-order
 * mark first, so spreadsheet programs read the headers as Chinese. COPY takes no bind parameters:
 * the period and the scope prefix are checked against strict patterns before they enter the SQL.
 * The connection goes back to the pool when the COPY ends or fails (drained when the client leaves early).
 */
export async function streamPayRegister(dataSource: DataSource, period: string, scopePrefix: string): Promise<Readable> {
  if (!PERIOD.test(period) || !SCOPE.test(scopePrefix)) throw new Error(`invalid register request ${period} / ${scopePrefix}`);
  const sql = `COPY (
      SELECT s.worker_id AS "工号", s.unit_code AS "单位代码", substr(s.unit_code, 1, 6) AS "区", substr(s.unit_code, 1, 9) AS "街道",
             s.period AS "期间", ${yuan('s.annual_fen')} AS "年度薪酬（元）", ${yuan('s.base_fen')} AS "基本工资（元）",
             ${yuan('s.performance_fen')} AS "绩效工资（元）", ${yuan('(s.base_fen + s.performance_fen)')} AS "本月合计（元）"
        FROM pay_slips s WHERE s.period = '${period}' AND s.unit_code LIKE '${scopePrefix}%' ORDER BY s.worker_id
    ) TO STDOUT WITH (FORMAT csv, HEADER true)`;
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
