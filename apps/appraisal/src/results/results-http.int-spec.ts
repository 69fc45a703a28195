/**
 * Results after the close, on real PostgreSQL and Kafka through the platform HTTP wiring: the
 * APPR-2 calibration limit before publication, publication (rows + `result.published` events that
 * reach Kafka keyed by worker id), reads and the distribution report, appeals (an upheld appeal
 * changes the grade, re-explains it and emits `result.changed`), and the APPR-6 top ten (only
 * workers graded excellent, at most ten, once per level, unit and year), each endpoint with its
 * ORG-2 access matrix. Temporal is out of reach (the workflow's activities are called as the
 * workflow would); the relay publishes this schema's outbox to a topic of this file's own.
 */
import { randomUUID } from 'node:crypto';
import { APPRAISAL_EVENT_TYPES } from '@cwp/contracts';
import {
  KafkaJsPublisher,
  OutboxRelay,
  createKafka,
  ensureTopics,
  readXlsxRows,
  testing,
  type EventPublisher,
  type Principal,
} from '@cwp/platform';
import { CyclesService } from '../cycles';
import { DISTRIBUTION_REPORT_HEADERS, distributionReportCells } from './distribution-export';
import { principalOf, startAppraisalHttpApp, type AppraisalHttpApp } from '../testing';

jest.setTimeout(90_000);

const YEAR = 2025;
const DISTRICT = '310104';
const STREET_A = '310104003';
const STREET_B = '310104004';
const district = principalOf('district', DISTRICT);
const streetA = principalOf('street', STREET_A);
const streetB = principalOf('street', STREET_B);
const city = principalOf('city', '31');
const otherDistrict = principalOf('district', '310101');
const scores = (v: number) => ({ morality: v, ability: v, diligence: v, performance: v, integrity: v });

// Management scores (APPR-2 floors of the version in force: excellent ≥ 90, qualified ≥ 70, basically ≥ 60).
// Street A: 7 of 10 excellent, over a 60% limit (6 allowed); street B: 6 of 10, within it.
const SCORES_A = [99, 97, 96, 95, 94, 93, 92, 80, 75, 50];
const SCORES_B = [98, 96, 94, 92, 91, 90, 85, 72, 65, 40];
const workersA = SCORES_A.map((score) => ({ workerId: randomUUID(), score }));
const workersB = SCORES_B.map((score) => ({ workerId: randomUUID(), score }));
const byScore = (list: typeof workersA, score: number) => list.find((w) => w.score === score)!.workerId;

let http: AppraisalHttpApp;
let cycleId: string;
let kafka: ReturnType<typeof createKafka>;
let publisher: KafkaJsPublisher;
let relay: OutboxRelay;
let collector: testing.TopicCollector;

/** Publishes every outbox row of this schema to this file's topic. */
async function drainOutbox(): Promise<void> {
  for (;;) {
    const outcome = await relay.publishBatch();
    if ('published' in outcome && outcome.published === 0) return;
  }
}

async function eventsOf(type: string, count: number) {
  return testing.eventually(
    async () => {
      const found = collector.messages.filter((m) => m.event.type === type);
      return found.length >= count ? found : undefined;
    },
    30_000,
    `${count} × ${type}`,
  );
}

const count = async (sql: string, params: unknown[] = []): Promise<number> => (await http.ds.query(sql, params))[0].n;

beforeAll(async () => {
  http = await startAppraisalHttpApp('appr_results_it', { excellentShareLimit: 0.6 });
  await http.hire([
    ...workersA.map((w, i) => ({ workerId: w.workerId, unitCode: `${STREET_A}001`, entryRoute: i % 2 ? ('elected' as const) : undefined })),
    ...workersB.map((w) => ({ workerId: w.workerId, unitCode: `${STREET_B}001` })),
  ]);
  const opened = await http.call('POST', '/cycles', {
    principal: district,
    body: { unitCode: DISTRICT, year: YEAR, ratingClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  expect(opened.status).toBe(201);
  cycleId = opened.body.id;
  // No Temporal here: the window is opened as the workflow's openRating activity would.
  await http.ds.query(`UPDATE cycles SET phase = 'rating' WHERE id = $1`, [cycleId]);
  const rated = await http.call('POST', `/cycles/${cycleId}/ratings`, {
    principal: district,
    body: { source: 'management', ratings: [...workersA, ...workersB].map((w) => ({ workerId: w.workerId, scores: scores(w.score) })) },
  });
  expect(rated.status).toBe(200);

  kafka = createKafka({ clientId: testing.uniqueName('appr-results-it'), brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
  const topic = `cwp.appraisal-it-${testing.uniqueName('r').slice(2)}.results`;
  await ensureTopics(kafka, [{ topic, numPartitions: 3 }]);
  publisher = new KafkaJsPublisher(kafka);
  // The contracts' topics are shared with every engineer's runs: this file publishes to its own copy.
  const renamed: EventPublisher = { publish: (_t, messages) => publisher.publish(topic, messages) };
  relay = new OutboxRelay(http.ds, renamed, { listen: false });
  // A fresh topic read from the beginning: nothing can be missed before the consumer joins.
  collector = await testing.collectTopic(kafka, topic);
});

afterAll(async () => {
  await collector?.stop();
  await publisher?.disconnect();
  await http?.close();
});

describe('APPR-2 calibration limit, then publication (result.published on Kafka)', () => {
  const cycles = () => http.app.get(CyclesService, { strict: false });

  it('APPR-2 the close grades every worker; publishing is refused (422) while street A is over the limit of excellent grades', async () => {
    const closed = await cycles().close(cycleId, 'operator', '', () => undefined);
    expect(closed).toEqual({ results: 20, unitsOverLimit: [STREET_A] });
    const refused = await http.call('POST', `/cycles/${cycleId}/publish`, { principal: district });
    expect(refused).toMatchObject({ status: 422, body: { code: 'CALIBRATION_REQUIRED', details: { rule: 'APPR-2', units: [STREET_A] } } });
    expect(await count(`SELECT count(*)::int AS n FROM results WHERE status = 'published'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM outbox`)).toBe(0);
  });

  it.each([
    ["street A (the cycle is its district's: the district calibrates)", 404, streetA],
    ['another district', 404, otherDistrict],
    ['the city (no calibration role)', 403, city],
  ])('APPR-2 a calibration move by %s is refused (%i) and changes nothing', async (_who, status, principal) => {
    const res = await http.call('POST', `/cycles/${cycleId}/calibrations`, {
      principal,
      body: { workerId: byScore(workersA, 99), grade: 'qualified', reason: '平衡' },
    });
    expect(res.status).toBe(status);
    expect(await count(`SELECT count(*)::int AS n FROM results WHERE grade <> mapped_grade`)).toBe(0);
  });

  it('APPR-2 one audited move brings street A within the limit; publication writes every row and its event, keyed by worker id', async () => {
    const moved = await http.call('POST', `/cycles/${cycleId}/calibrations`, {
      principal: district,
      body: { workerId: byScore(workersA, 99), grade: 'qualified', reason: '与同岗位相比贡献一般' },
    });
    expect(moved).toMatchObject({ status: 200, body: { grade: 'qualified', mappedGrade: 'excellent' } });
    // Within the limit now; the publish goes to the cycle workflow, and Temporal is down: 503, nothing changed.
    const down = await http.call('POST', `/cycles/${cycleId}/publish`, { principal: district });
    expect(down).toMatchObject({ status: 503, body: { code: 'DEPENDENCY_UNAVAILABLE' } });
    expect((await http.ds.query(`SELECT phase FROM cycles WHERE id = $1`, [cycleId]))[0].phase).toBe('calibrating');
    await expect(cycles().checkCalibration(cycleId)).resolves.toBeUndefined();
    expect(await cycles().publishResults(cycleId, () => undefined)).toEqual({ published: 20 });
    expect(await count(`SELECT count(*)::int AS n FROM results WHERE status = 'published' AND published_at IS NOT NULL`)).toBe(20);
    expect((await http.ds.query(`SELECT phase FROM cycles WHERE id = $1`, [cycleId]))[0].phase).toBe('published');

    await drainOutbox();
    const published = await eventsOf(APPRAISAL_EVENT_TYPES.resultPublished, 20);
    expect(published).toHaveLength(20);
    expect(new Set(published.map((m) => m.key))).toEqual(new Set([...workersA, ...workersB].map((w) => w.workerId)));
    expect(published.every((m) => m.event.subject === m.key && m.event.source === '/cwp/appraisal')).toBe(true);
    const calibrated = published.find((m) => m.key === byScore(workersA, 99))!.event.data;
    expect(calibrated).toMatchObject({ grade: 'qualified', year: YEAR, calibrated: true, score: 99, unitCode: `${STREET_A}001` });
    expect(published.find((m) => m.key === byScore(workersB, 40))!.event.data).toMatchObject({ grade: 'unqualified', calibrated: false });
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toBe(0);
  });

  it('a published cycle takes no more calibration (409 CYCLE_PHASE), and publishing it again changes nothing', async () => {
    const res = await http.call('POST', `/cycles/${cycleId}/calibrations`, {
      principal: district,
      body: { workerId: byScore(workersA, 97), grade: 'qualified', reason: 'x' },
    });
    expect(res).toMatchObject({ status: 409, body: { code: 'CYCLE_PHASE' } });
    expect((await http.call('POST', `/cycles/${cycleId}/publish`, { principal: district })).body.code).toBe('CYCLE_PHASE');
    expect(await cycles().publishResults(cycleId, () => undefined)).toEqual({ published: 0 });
    expect(await count(`SELECT count(*)::int AS n FROM outbox`)).toBe(20);
  });
});

describe('ORG-2 reads of results and the distribution report', () => {
  it.each([
    ['its street', 200, streetA],
    ['its district', 200, district],
    ['the city', 200, city],
    ['another street of the district', 404, streetB],
    ['another district', 404, otherDistrict],
  ])("a worker's result as %s → %i", async (_who, status, principal) => {
    const res = await http.call('GET', `/results/${byScore(workersA, 97)}/${YEAR}`, { principal });
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body).toMatchObject({ grade: 'excellent', status: 'published', score: 97 });
      expect(res.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['APPR-1', 'APPR-2', 'APPR-3']));
    }
  });

  it('without a token a result is 401; a malformed worker id is 404 before SQL', async () => {
    expect((await http.call('GET', `/results/${byScore(workersA, 97)}/${YEAR}`)).status).toBe(401);
    expect((await http.call('GET', `/results/${encodeURIComponent("x' OR '1'='1")}/${YEAR}`, { principal: city })).status).toBe(404);
  });

  it.each([
    [STREET_B, 'its street', 200, streetB, 10],
    [DISTRICT, 'its district', 200, district, 20],
    [STREET_B, 'another street', 404, streetA, 0],
    [DISTRICT, 'another district', 404, otherDistrict, 0],
  ])('the results of unit %s as %s → %i', async (unit, _who, status, principal, rows) => {
    const res = await http.call('GET', `/results?unit=${unit}&year=${YEAR}`, { principal });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body).toHaveLength(rows);
    else expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a list outside the scope is audited as a denial', async () => {
    await http.call('GET', `/results?unit=${DISTRICT}&year=${YEAR}`, { principal: otherDistrict });
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1`, [otherDistrict.sub]),
    ).toBeGreaterThan(0);
  });

  it('the district report counts published grades by street; the city report by district; a street may not read reports (403)', async () => {
    const report = await http.call('GET', `/reports/distribution?unit=${DISTRICT}&year=${YEAR}`, { principal: district });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ total: 20, byGrade: { excellent: 12, qualified: 5, 'basically-qualified': 1, unqualified: 2 } });
    const streets = Object.fromEntries(report.body.units.map((u: { unitCode: string; byGrade: object }) => [u.unitCode, u.byGrade]));
    expect(streets[STREET_A]).toEqual({ excellent: 6, qualified: 3, 'basically-qualified': 0, unqualified: 1 });
    expect(streets[STREET_B]).toEqual({ excellent: 6, qualified: 2, 'basically-qualified': 1, unqualified: 1 });
    const cityReport = await http.call('GET', `/reports/distribution?unit=31&year=${YEAR}`, { principal: city });
    expect(cityReport.body.units).toEqual([expect.objectContaining({ unitCode: DISTRICT, total: 20 })]);
    expect((await http.call('GET', `/reports/distribution?unit=${DISTRICT}&year=${YEAR}`, { principal: streetA })).status).toBe(403);
    expect((await http.call('GET', `/reports/distribution?unit=${DISTRICT}&year=${YEAR}`, { principal: otherDistrict })).status).toBe(404);
  });
});

const download = (url: string, principal: Principal): Promise<Response> => http.download(url, principal);

describe('issue 14: the distribution report as XLSX and CSV (APPR-2 grades, Chinese labels)', () => {
  it('XLSX: Chinese headers and grade labels, the total and each street, every figure as the JSON report has it', async () => {
    const json = await http.call('GET', `/reports/distribution?unit=${DISTRICT}&year=${YEAR}`, { principal: district });
    expect(json.status).toBe(200);
    const res = await download(`/reports/distribution/export?unit=${DISTRICT}&year=${YEAR}&format=xlsx`, district);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`filename="grade-distribution-${DISTRICT}-${YEAR}.xlsx"`);
    const [header, ...lines] = readXlsxRows(Buffer.from(await res.arrayBuffer()), { field: 'file' });
    expect(header!.cells).toEqual(['范围', '单位代码', '年度', '已发布人数', '优秀', '合格', '基本合格', '不合格']);
    expect(lines.map((l) => l.cells)).toEqual(distributionReportCells(json.body).map((cells) => cells.map(String)));
    // The figures themselves, not only the mapping: 20 published, 12 excellent, street A and street B lines.
    expect(lines[0]!.cells).toEqual(['合计', DISTRICT, String(YEAR), '20', '12', '5', '1', '2']);
    expect(lines.slice(1).map((l) => l.cells.slice(0, 2))).toEqual(
      expect.arrayContaining([
        ['街道', STREET_A],
        ['街道', STREET_B],
      ]),
    );
  });

  it('CSV: a BOM, the same header line and the same lines; the city file lists its districts', async () => {
    const res = await download(`/reports/distribution/export?unit=31&year=${YEAR}&format=csv`, city);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const json = await http.call('GET', `/reports/distribution?unit=31&year=${YEAR}`, { principal: city });
    expect(text.slice(1).split('\r\n').filter(Boolean)).toEqual([
      DISTRIBUTION_REPORT_HEADERS.join(','),
      ...distributionReportCells(json.body).map((cells) => cells.join(',')),
    ]);
    expect(text).toContain(`\r\n区,${DISTRICT},${YEAR},20,`);
  });

  it('ORG-2 as for the JSON report: another district 404, a street 403; a bad format or year is 400 naming the field', async () => {
    const url = `/reports/distribution/export?unit=${DISTRICT}&year=${YEAR}`;
    expect((await download(url, otherDistrict)).status).toBe(404);
    expect((await download(url, streetA)).status).toBe(403);
    const format = await download(`${url}&format=pdf`, district);
    expect(format.status).toBe(400);
    expect(await format.text()).toContain('format');
    const year = await download(`/reports/distribution/export?unit=${DISTRICT}&year=1999`, district);
    expect(year.status).toBe(400);
    expect(await year.text()).toContain('year');
  });
});

describe('APPR-6 top ten outstanding workers', () => {
  it.each([
    ['a street (no selection role)', 403, streetA, { level: 'district', unitCode: DISTRICT }, undefined],
    ['another district', 404, otherDistrict, { level: 'district', unitCode: DISTRICT }, 'unitCode'],
    ['a district asking for the city level', 400, district, { level: 'city', unitCode: DISTRICT }, 'unitCode'],
    ['a district naming a street', 400, district, { level: 'district', unitCode: STREET_A }, 'unitCode'],
  ])('a selection by %s is refused (%i) and nothing is stored', async (_who, status, principal, body, field) => {
    const res = await http.call('POST', '/incentives/top-ten', { principal, body: { ...body, year: YEAR } });
    expect(res.status).toBe(status);
    if (field) expect(JSON.stringify(res.body)).toContain(field);
    expect(await count(`SELECT count(*)::int AS n FROM incentive_selections`)).toBe(0);
  });

  it('APPR-6 the district top ten: ten of the twelve excellent, best scores first; the higher score calibrated to qualified is not eligible', async () => {
    const res = await http.call('POST', '/incentives/top-ten', {
      principal: district,
      body: { level: 'district', unitCode: DISTRICT, year: YEAR },
    });
    expect(res.status).toBe(201);
    const selected: { workerId: string; score: number; rank: number }[] = res.body.selected;
    expect(selected.map((s) => s.score)).toEqual([98, 97, 96, 96, 95, 94, 94, 93, 92, 92]);
    expect(selected.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(selected.map((s) => s.workerId)).not.toContain(byScore(workersA, 99));
    const grades: { grade: string }[] = await http.ds.query(`SELECT grade FROM results WHERE worker_id = ANY($1::text[]) AND year = $2`, [
      selected.map((s) => s.workerId),
      YEAR,
    ]);
    expect(grades.every((g) => g.grade === 'excellent')).toBe(true);
    expect(res.body.explanation.rules.map((r: { id: string }) => r.id)).toContain('APPR-6');
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'select'`)).toBe(1);
  });

  it('APPR-6 the same top ten is selected once (409 ALREADY_SELECTED); the city selects its own, also at most ten', async () => {
    const again = await http.call('POST', '/incentives/top-ten', {
      principal: district,
      body: { level: 'district', unitCode: DISTRICT, year: YEAR },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_SELECTED' } });
    const cityTop = await http.call('POST', '/incentives/top-ten', {
      principal: city,
      body: { level: 'city', unitCode: '31', year: YEAR },
    });
    expect(cityTop.status).toBe(201);
    expect(cityTop.body.selected).toHaveLength(10);
    expect(await count(`SELECT count(*)::int AS n FROM incentive_selections`)).toBe(2);

    await drainOutbox();
    const events = await eventsOf(APPRAISAL_EVENT_TYPES.incentiveSelected, 2);
    expect(events.map((m) => m.key).sort()).toEqual([`city:31:${YEAR}`, `district:${DISTRICT}:${YEAR}`]);
    expect(events.find((m) => m.key === `district:${DISTRICT}:${YEAR}`)!.event.data).toMatchObject({ level: 'district', year: YEAR });
  });
});

describe('appeals of a published grade', () => {
  const appeal = (workerId: string, principal = streetB, reason = '评分时未计入下半年的重点工作') =>
    http.call('POST', `/results/${workerId}/${YEAR}/appeal`, { principal, body: { reason } });
  const decide = (workerId: string, principal: typeof district, body: object) =>
    http.call('POST', `/results/${workerId}/${YEAR}/appeal/decision`, { principal, body });

  it.each([
    ['the city (no filing role)', 403, city],
    ['street A, for a worker of street B', 404, streetA],
    ['another district', 404, otherDistrict],
  ])('an appeal filed by %s is refused (%i)', async (_who, status, principal) => {
    expect((await appeal(byScore(workersB, 85), principal)).status).toBe(status);
    expect(await count(`SELECT count(*)::int AS n FROM results WHERE appeal_status IS NOT NULL`)).toBe(0);
  });

  it('an upheld appeal changes the grade, re-explains it, is audited and emits result.changed', async () => {
    const workerId = byScore(workersB, 85);
    expect(await appeal(workerId)).toMatchObject({ status: 200, body: { appealStatus: 'filed', grade: 'qualified' } });
    expect(await appeal(workerId)).toMatchObject({ status: 409, body: { code: 'ALREADY_APPEALED' } });

    expect((await decide(workerId, streetB, { outcome: 'upheld', grade: 'excellent', reason: 'x' })).status).toBe(403);
    expect((await decide(workerId, otherDistrict, { outcome: 'upheld', grade: 'excellent', reason: 'x' })).status).toBe(404);
    const noGrade = await decide(workerId, district, { outcome: 'upheld', reason: '补充材料属实' });
    expect(noGrade).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(noGrade.body)).toContain('grade');

    const upheld = await decide(workerId, district, { outcome: 'upheld', grade: 'excellent', reason: '补充材料属实' });
    expect(upheld).toMatchObject({ status: 200, body: { grade: 'excellent', appealStatus: 'upheld', mappedGrade: 'qualified' } });
    expect(upheld.body.explanation.steps.at(-1).say).toContain('Appeal upheld: grade changed from qualified to excellent');
    expect(await decide(workerId, district, { outcome: 'rejected', reason: 'x' })).toMatchObject({
      status: 409,
      body: { code: 'NO_PENDING_APPEAL' },
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'allowed' AND action IN ('appeal', 'appeal-upheld') AND entity_id = $1`,
        [`${workerId}/${YEAR}`],
      ),
    ).toBe(2);

    await drainOutbox();
    const [changed] = await eventsOf(APPRAISAL_EVENT_TYPES.resultChanged, 1);
    expect(changed!.key).toBe(workerId);
    expect(changed!.event.data).toEqual({
      workerId,
      unitCode: `${STREET_B}001`,
      year: YEAR,
      previousGrade: 'qualified',
      grade: 'excellent',
      reason: 'appeal-upheld',
    });
  });

  it('a rejected appeal keeps the grade and emits nothing', async () => {
    const workerId = byScore(workersB, 72);
    expect((await appeal(workerId)).status).toBe(200);
    const rejected = await decide(workerId, district, { outcome: 'rejected', reason: '评分依据充分' });
    expect(rejected).toMatchObject({ status: 200, body: { grade: 'qualified', appealStatus: 'rejected' } });
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1`, [APPRAISAL_EVENT_TYPES.resultChanged])).toBe(1);
  });

  it('after the appeal window an appeal is refused (422 APPEAL_WINDOW_CLOSED)', async () => {
    const workerId = byScore(workersB, 65);
    await http.ds.query(`UPDATE results SET published_at = now() - interval '30 days' WHERE worker_id = $1`, [workerId]);
    expect(await appeal(workerId)).toMatchObject({ status: 422, body: { code: 'APPEAL_WINDOW_CLOSED' } });
    expect(await count(`SELECT count(*)::int AS n FROM results WHERE worker_id = $1 AND appeal_status IS NULL`, [workerId])).toBe(1);
  });
});
