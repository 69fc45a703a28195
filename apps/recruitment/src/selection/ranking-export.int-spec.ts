/**
 * A campaign driven through the API to publicity on the real PostgreSQL and Temporal dev server:
 * scores uploaded as XLSX and CSV, 考核 recorded, the ranking exported as CSV and XLSX with Chinese
 * headers (a street sees its own posts only); cancelled during publicity, the saga withdraws the
 * published results and the export answers 409.
 */
import { ServiceClock, readXlsxRows, testing, xlsxStream } from '@cwp/platform';
import { createRecruitmentIntContext, newApplication, newOpening, principalOf, type RecruitmentIntContext } from '../testing';
import { RANKING_HEADERS } from './ranking-export.service';

jest.setTimeout(180_000);

const district = principalOf('district', '310101');
const street = principalOf('street', '310101013');
const otherStreet = principalOf('street', '310101002');
let ctx: RecruitmentIntContext;
let today: string;

beforeAll(async () => {
  ctx = await createRecruitmentIntContext('rec_rank_it');
  today = ctx.get(ServiceClock).today();
  await ctx.staffing('310101013', 4, 2);
});

afterAll(async () => {
  await ctx?.close();
});

const phaseOf = async (id: string): Promise<string> =>
  (await ctx.call('GET', `/campaigns/${id}/state`, { principal: district })).body?.phase;
async function advance(id: string, from: string, to: string): Promise<void> {
  await testing.eventually(async () => ((await phaseOf(id)) === from ? true : undefined));
  expect((await ctx.call('POST', `/campaigns/${id}/close-phase`, { principal: district, body: { phase: from } })).status).toBe(200);
  await testing.eventually(async () => ((await phaseOf(id)) === to ? true : undefined));
}
async function xlsxBase64(headers: string[], rows: Array<Array<string | number>>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of xlsxStream(headers, rows)) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts).toString('base64');
}
async function download(id: string, format: 'csv' | 'xlsx', principal = district): Promise<{ status: number; body: Buffer; type: string }> {
  const res = await ctx.fetch(`/campaigns/${id}/ranking?format=${format}`, principal);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '' };
}

it('scores by XLSX and CSV, 考核, the ranking export in CSV and XLSX; a cancel in publicity withdraws the results', async () => {
  const opened = await ctx.call('POST', '/campaigns', {
    principal: district,
    body: newOpening(today, [{ streetCode: '310101013', count: 1 }], 1),
  });
  expect(opened.status).toBe(201);
  const { id, posts } = opened.body as { id: string; posts: Array<{ postId: string }> };
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await ctx.call('POST', `/campaigns/${id}/applicants`, { principal: district, body: newApplication(posts[0]!.postId) });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  await advance(id, 'registration', 'screening');
  await advance(id, 'screening', 'internship');

  // Internship evaluations as XLSX: a bad row is refused with its row number, nothing stored; then the good file.
  const bad = await ctx.call('POST', `/campaigns/${id}/score-files`, {
    principal: district,
    body: {
      kind: 'internship',
      xlsx: await xlsxBase64(
        ['报名编号', '成绩'],
        [
          [ids[0]!, 90],
          [ids[1]!, 140],
        ],
      ),
    },
  });
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ code: 'SCORE_FILE_INVALID', field: 'xlsx' });
  expect(bad.body.message).toContain('Line 3');
  const good = await ctx.call('POST', `/campaigns/${id}/score-files`, {
    principal: district,
    body: {
      kind: 'internship',
      xlsx: await xlsxBase64(
        ['报名编号', '成绩'],
        ids.map((a, i) => [a, 90 - i]),
      ),
    },
  });
  expect(good.body).toEqual({ stored: 3 });
  await advance(id, 'internship', 'written-exam');
  const csv = (scores: number[]) => ['applicantId,score', ...ids.map((a, i) => `${a},${scores[i]}`)].join('\n');
  expect(
    (await ctx.call('POST', `/campaigns/${id}/score-files`, { principal: district, body: { kind: 'written', csv: csv([70, 90, 80]) } }))
      .status,
  ).toBe(200);
  await advance(id, 'written-exam', 'interview');
  expect(
    (await ctx.call('POST', `/campaigns/${id}/score-files`, { principal: district, body: { kind: 'interview', csv: csv([70, 90, 80]) } }))
      .status,
  ).toBe(200);
  await advance(id, 'interview', 'assessment');

  // 考核: the best (ids[1]) fails; the next-ranked (ids[2]) moves up and passes.
  expect((await ctx.call('POST', `/applicants/${ids[1]}/assessment`, { principal: district, body: { passed: 'yes' } })).status).toBe(400);
  expect((await ctx.call('POST', `/applicants/${ids[1]}/assessment`, { principal: district, body: { passed: false } })).status).toBe(200);
  expect((await ctx.call('POST', `/applicants/${ids[2]}/assessment`, { principal: district, body: { passed: true } })).status).toBe(200);

  const csvFile = await download(id, 'csv');
  expect(csvFile.status).toBe(200);
  expect(csvFile.type).toContain('text/csv');
  const lines = csvFile.body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(RANKING_HEADERS.join(','));
  expect(
    lines
      .slice(1)
      .map((l) => l.split(','))
      .map((c) => [c[2], c[3], c[9], c[10]]),
  ).toEqual([
    ['1', ids[1], '已出局', '不合格'],
    ['2', ids[2], '拟聘用', '合格'],
    ['3', ids[0], '备选', ''],
  ]);
  const xlsxFile = await download(id, 'xlsx', street);
  expect(xlsxFile.status).toBe(200);
  const sheet = readXlsxRows(xlsxFile.body, { field: 'file' });
  expect(sheet[0]!.cells).toEqual([...RANKING_HEADERS]);
  expect(sheet).toHaveLength(4);
  // Another street of the district reads the campaign but has no post in it: an empty ranking.
  expect(readXlsxRows((await download(id, 'xlsx', otherStreet)).body, { field: 'file' })).toHaveLength(1);

  await advance(id, 'assessment', 'publicity');
  const cancel = await ctx.call('POST', `/campaigns/${id}/cancel`, { principal: district });
  expect(cancel.status).toBe(200);
  await testing.eventually(async () => ((await phaseOf(id)) === 'cancelled' ? true : undefined));
  const [row] = (await ctx.ds.query(
    "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.recruitment.campaign.cancelled.v1' AND message_key = $1",
    [id],
  )) as Array<{ n: number }>;
  expect(row!.n).toBe(1);
  const withdrawn = await download(id, 'csv');
  expect(withdrawn.status).toBe(409);
  expect(JSON.parse(withdrawn.body.toString('utf8')).code).toBe('RESULTS_WITHDRAWN');
});
