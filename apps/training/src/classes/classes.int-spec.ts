/**
 * Classes, hours, online completions and certificates, then the yearly compliance run, over HTTP
 * and the service on real PostgreSQL: attendance builds hours (TRAIN-3) and the off-the-job flag
 * (TRAIN-4); the e-learning endpoint is idempotent per completion id; the run flags 79 hours and
 * clears 80 with one event each (batch outbox), the per-unit report and TRAIN-6 recommendations.
 */
import { readXlsxRows } from '@cwp/platform';
import { defaultPolicyCatalog, trainingCompliance } from '@cwp/policy';
import { COMPLIANCE_REPORT_HEADERS, ComplianceRepository, ComplianceService, complianceReportCells } from '../compliance';
import { createTrainingIntContext, cityPrincipal, newCourse, newWorkerId, principalOf, type TrainingIntContext } from '../testing';

jest.setTimeout(60_000);

let ctx: TrainingIntContext;
const huangpu = principalOf('district', '310101');
const street = principalOf('street', '310101002');
const elearning = principalOf('system', '31');
const worker = newWorkerId();
const offJobWorker = newWorkerId();
let classId: string;

const outboxOf = (key: string, type: string) =>
  ctx.ds.query(`SELECT envelope->'data' AS data FROM outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq`, [
    key,
    type,
  ]) as Promise<Array<{ data: Record<string, unknown> }>>;

beforeAll(async () => {
  ctx = await createTrainingIntContext('training_cls_it', { today: '2026-12-02', settings: { complianceChunk: 2 } });
  await ctx.hire([
    { workerId: worker, unitCode: '310101002001', hiredOn: '2024-06-01' },
    { workerId: offJobWorker, unitCode: '310101002001', hiredOn: '2024-06-01' },
  ]);
  const course = await ctx.call('POST', '/library', cityPrincipal, newCourse({ module: 'elderly-care', step: 'professional' }));
  const created = await ctx.call('POST', '/classes', huangpu, {
    courseId: course.body.id,
    unitCode: '310101',
    startsOn: '2026-03-02',
    endsOn: '2026-03-06',
    place: '黄浦区社区学院',
    capacity: 2,
    offJob: true,
  });
  expect(created.status).toBe(201);
  classId = created.body.id;
});

afterAll(async () => {
  await ctx?.close();
});

describe('classes and hours (TRAIN-3, TRAIN-4)', () => {
  it('TRAIN-4 attendance of enrolled workers builds hours and the off-the-job flag; a non-enrolled worker is 422 naming the record', async () => {
    const enrol = await ctx.call('POST', `/classes/${classId}/enrolments`, street, { workerIds: [offJobWorker] });
    expect(enrol).toMatchObject({ status: 200, body: { enrolled: [offJobWorker], class: { enrolled: 1 } } });
    const refused = await ctx.call('POST', `/classes/${classId}/attendance`, huangpu, {
      records: [
        { workerId: offJobWorker, attendedOn: '2026-03-02', hours: 8 },
        { workerId: worker, attendedOn: '2026-03-02', hours: 8 },
      ],
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'NOT_ENROLLED', field: 'records.1.workerId' } });
    const ok = await ctx.call('POST', `/classes/${classId}/attendance`, huangpu, {
      records: [1, 2, 3, 4, 5].map((d) => ({ workerId: offJobWorker, attendedOn: `2026-03-0${d + 1}`, hours: 8 })),
    });
    expect(ok).toMatchObject({ status: 200, body: { recorded: 5 } });
    const hours = await ctx.call('GET', `/workers/${offJobWorker}/hours?year=2026`, street);
    expect(hours.body).toMatchObject({ total: 40, offJob: true });
  });

  it('bad attendance answers 400 naming the field and stores nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ records: [{ workerId: offJobWorker, attendedOn: '2026-04-01', hours: 2 }] }, 'records.0.attendedOn'],
      [{ records: [{ workerId: offJobWorker, attendedOn: '2026-03-02', hours: 25 }] }, 'records.0.hours'],
      [{ records: [] }, 'records'],
    ];
    for (const [body, field] of cases) {
      const res = await ctx.call('POST', `/classes/${classId}/attendance`, huangpu, body);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect((await ctx.call('GET', `/workers/${offJobWorker}/hours?year=2026`, street)).body.total).toBe(40);
  });

  it('a full class refuses the next enrolment (409 CLASS_FULL) and keeps the earlier ones', async () => {
    const extra = [newWorkerId(), newWorkerId()];
    await ctx.hire(extra.map((workerId) => ({ workerId, unitCode: '310101002001' })));
    const res = await ctx.call('POST', `/classes/${classId}/enrolments`, street, { workerIds: extra });
    expect(res).toMatchObject({ status: 409, body: { code: 'CLASS_FULL' } });
    expect((await ctx.call('GET', `/classes/${classId}`, street)).body.enrolled).toBe(1);
  });
});

describe('online completions (e-learning system)', () => {
  it('TRAIN-3 is idempotent per completion id: a replay answers the stored row (200), other content under the same id is 409', async () => {
    const body = { completionId: `elearn-${newWorkerId()}`, workerId: worker, completedOn: '2026-05-10', hours: 23.5 };
    const first = await ctx.call('POST', '/completions', elearning, body);
    expect(first).toMatchObject({ status: 201, body: { hours: 23.5, source: 'online', offJob: false } });
    const replay = await ctx.call('POST', '/completions', elearning, body);
    expect(replay).toMatchObject({ status: 200, body: { id: first.body.id } });
    const changed = await ctx.call('POST', '/completions', elearning, { ...body, hours: 24 });
    expect(changed).toMatchObject({ status: 409, body: { code: 'COMPLETION_MISMATCH', field: 'completionId' } });
    const rows = await ctx.ds.query('SELECT count(*)::int AS n FROM training_hours WHERE completion_id = $1', [body.completionId]);
    expect(rows[0].n).toBe(1);
  });

  it('bad completions answer 4xx naming the field', async () => {
    const ok = { completionId: 'x-1', workerId: worker, completedOn: '2026-05-10', hours: 1 };
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...ok, completionId: 'has space' }, 400, 'completionId'],
      [{ ...ok, completedOn: '2026-02-30' }, 400, 'completedOn'],
      [{ ...ok, completedOn: '2027-01-01' }, 400, 'completedOn'],
      [{ ...ok, hours: -2 }, 400, 'hours'],
      [{ ...ok, workerId: 'w-nobody' }, 404, 'workerId'],
      [{ ...ok, courseId: '00000000-0000-4000-8000-000000000000' }, 404, 'courseId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await ctx.call('POST', '/completions', elearning, body);
      expect([res.status, res.body.field]).toEqual([status, field]);
    }
  });
});

describe('certificates (TRAIN-8)', () => {
  it('TRAIN-8 a passed exam is recorded once and published for workforce and recruitment', async () => {
    const res = await ctx.call('POST', '/certificates', street, { workerId: worker, kind: 'social-worker', passedOn: '2026-06-20' });
    expect(res.status).toBe(201);
    expect(await outboxOf(worker, 'cwp.training.certificate.recorded.v1')).toEqual([
      { data: { certificateId: res.body.id, workerId: worker, unitCode: '310101002001', kind: 'social-worker', passedOn: '2026-06-20' } },
    ]);
    const again = await ctx.call('POST', '/certificates', street, { workerId: worker, kind: 'social-worker', passedOn: '2026-06-21' });
    expect(again).toMatchObject({ status: 409, body: { field: 'kind' } });
  });
});

describe('yearly compliance (TRAIN-3, TRAIN-4)', () => {
  it('TRAIN-3 flags 79.5 hours, clears the worker at 80 with one event each; TRAIN-4 missing off-the-job training is named', async () => {
    const compliance = ctx.get(ComplianceService);
    for (const hours of [24, 24, 8]) {
      const res = await ctx.call('POST', '/completions', elearning, {
        completionId: `c-${newWorkerId()}`,
        workerId: worker,
        completedOn: '2026-06-01',
        hours,
      });
      expect(res.status).toBe(201);
    }
    // worker: 23.5 + 24 + 24 + 8 = 79.5 hours, no off-the-job class in 2025–2026; offJobWorker: 40 hours, off the job.
    const heartbeats: string[] = [];
    const first = await compliance.run(2026, '', (last) => heartbeats.push(last));
    expect(first.workers).toBeGreaterThanOrEqual(2);
    expect(heartbeats.length).toBeGreaterThanOrEqual(1); // chunks of 2
    let verdict = await ctx.call('GET', `/workers/${worker}/compliance?year=2026`, street);
    expect(verdict.body).toMatchObject({ hours: 79.5, requiredHours: 80, compliant: false, failedRules: ['TRAIN-3', 'TRAIN-4'] });
    expect(verdict.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['TRAIN-3', 'TRAIN-4']));
    expect((await outboxOf(worker, 'cwp.training.compliance.shortfall.v1')).map((e) => e.data.rules)).toEqual([['TRAIN-3', 'TRAIN-4']]);

    // A rerun with nothing new publishes nothing again.
    await compliance.run(2026);
    expect(await outboxOf(worker, 'cwp.training.compliance.shortfall.v1')).toHaveLength(1);

    // Half an hour more and an off-the-job class: cleared.
    await ctx.call('POST', '/completions', elearning, {
      completionId: `c-${newWorkerId()}`,
      workerId: worker,
      completedOn: '2026-06-02',
      hours: 0.5,
    });
    await ctx.call('POST', `/classes/${classId}/enrolments`, street, { workerIds: [worker] });
    await ctx.call('POST', `/classes/${classId}/attendance`, huangpu, {
      records: [{ workerId: worker, attendedOn: '2026-03-06', hours: 1 }],
    });
    await compliance.run(2026);
    verdict = await ctx.call('GET', `/workers/${worker}/compliance?year=2026`, street);
    expect(verdict.body).toMatchObject({ hours: 81, compliant: true, failedRules: [] });
    expect(await outboxOf(worker, 'cwp.training.compliance.cleared.v1')).toHaveLength(1);
  });

  it('TRAIN-4 off-the-job training in the year before counts: the window is two years', async () => {
    const lastYear = newWorkerId();
    await ctx.hire([{ workerId: lastYear, unitCode: '310101002001', hiredOn: '2024-06-01' }]);
    await ctx.ds.query(
      `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, recorded_by)
       VALUES (gen_random_uuid(), $1, 2025, '2025-09-01', 8, true, 'attendance', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-04-01', 20, false, 'online', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-05-01', 20, false, 'online', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-06-01', 20, false, 'online', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-07-01', 20, false, 'online', 'it')`,
      [lastYear],
    );
    await ctx.get(ComplianceService).run(2026);
    const verdict = await ctx.call('GET', `/workers/${lastYear}/compliance?year=2026`, street);
    expect(verdict.body).toMatchObject({ hours: 80, offJobDue: true, offJobMet: true, failedRules: [] });
  });

  it('the explanation read is the one the run decided: rebuilt from the stored inputs and policy version (TRAIN-2, TRAIN-3, TRAIN-4)', async () => {
    const judged = newWorkerId();
    await ctx.hire([{ workerId: judged, unitCode: '310101002001', hiredOn: '2023-09-15' }]);
    await ctx.ds.query(
      `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, recorded_by)
       VALUES (gen_random_uuid(), $1, 2025, '2025-09-01', 8, true, 'attendance', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-04-01', 20.3, false, 'online', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-04-02', 10, false, 'online', 'it'),
              (gen_random_uuid(), $1, 2026, '2026-05-01', 12.5, false, 'online', 'it')`,
      [judged],
    );
    await ctx.ds.query(
      `INSERT INTO four_ones (worker_id, item, done_on, evidence, recorded_by)
       VALUES ($1, 'study-visit', '2024-03-01', 'visit', 'it'), ($1, 'secondment', '2025-11-20', 'secondment', 'it')`,
      [judged],
    );
    // What the run decides from: the chunk's read of the worker, through @cwp/policy, as the run did when it stored the explanation.
    const inputs = await ctx.ds.transaction((em) => ctx.get(ComplianceRepository).chunk(em, 2026, '', 10_000, 2));
    const input = inputs.find((r) => r.workerId === judged)!;
    const decided = trainingCompliance(defaultPolicyCatalog().inForce('2026-12-31'), {
      year: 2026,
      serviceStart: input.hiredOn,
      hours: Math.round(input.hours * 10) / 10,
      offJobYears: input.offJobYears,
      fourOnes: input.fourOnes ?? {},
    });
    await ctx.get(ComplianceService).run(2026);
    const verdict = await ctx.call('GET', `/workers/${judged}/compliance?year=2026`, street);
    expect(verdict.status).toBe(200);
    expect(verdict.body.explanation).toEqual(JSON.parse(JSON.stringify(decided.explanation)));
    expect(verdict.body.explanation.inputs).toMatchObject({ serviceStart: '2023-09-15', hours: 42.8, offJobYears: [2025] });
    expect(verdict.body.explanation.inputs.fourOnes).toEqual({ 'study-visit': '2024-03-01', secondment: '2025-11-20' });
    const [{ bytes }] = await ctx.ds.query(`SELECT pg_column_size(c.*) AS bytes FROM compliance_results c WHERE worker_id = $1`, [judged]);
    expect(bytes).toBeLessThan(400);
  });

  it('resumes after the last committed chunk (the heartbeat) without judging the earlier workers again', async () => {
    const compliance = ctx.get(ComplianceService);
    const all = (await ctx.ds.query(`SELECT worker_id FROM trainees ORDER BY worker_id`)) as Array<{ worker_id: string }>;
    const resumed = await compliance.run(2026, all[all.length - 2]!.worker_id);
    expect(resumed.workers).toBe(1);
  });

  it('the per-unit report counts one level down; another district is 404 on unitCode', async () => {
    const report = await ctx.call('GET', '/compliance/report?year=2026&unitCode=310101', huangpu);
    expect(report.status).toBe(200);
    expect(report.body.units).toEqual([expect.objectContaining({ unitCode: '310101002' })]);
    expect(report.body.total.workers).toBeGreaterThanOrEqual(2);
    expect(report.body.total.hoursShort).toBeGreaterThanOrEqual(1); // offJobWorker: 40 hours
    const outside = await ctx.call('GET', '/compliance/report?year=2026&unitCode=310104', huangpu);
    expect(outside).toMatchObject({ status: 404, body: { field: 'unitCode' } });
    const bad = await ctx.call('GET', '/compliance/report?year=20x6&unitCode=310101', huangpu);
    expect(bad).toMatchObject({ status: 400, body: { field: 'year' } });
  });

  it("issue 14: the report as XLSX (opened with the platform reader) and CSV holds the JSON report's figures under Chinese headers", async () => {
    const json = await ctx.call('GET', '/compliance/report?year=2026&unitCode=310101', huangpu);
    expect(json.status).toBe(200);
    const xlsx = await ctx.download('/compliance/report/export?year=2026&unitCode=310101&format=xlsx', huangpu);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain('filename="training-compliance-310101-2026.xlsx"');
    const [header, ...lines] = readXlsxRows(Buffer.from(await xlsx.arrayBuffer()), { field: 'file' });
    expect(header!.cells).toEqual([...COMPLIANCE_REPORT_HEADERS]);
    const asRead = (v: string | number | null) => (v === null ? '' : String(v));
    const expected = complianceReportCells(json.body).map((cells) => cells.map(asRead));
    expect(lines.map((l) => COMPLIANCE_REPORT_HEADERS.map((_, i) => l.cells[i] ?? ''))).toEqual(expected);
    // The figures themselves: the total line against the JSON total, the street line against its unit.
    const { total, units } = json.body;
    expect(lines[0]!.cells.slice(0, 8)).toEqual(
      ['合计', '310101', 2026, total.workers, total.compliant, total.hoursShort, total.offJobMissing, total.fourOnesOverdue].map(String),
    );
    expect(lines[1]!.cells).toEqual(['街道', '310101002', '2026', String(units[0].workers), ...lines[1]!.cells.slice(4)]);
    expect(Number(lines[1]!.cells[8])).toBe(units[0].averageHours);

    const csv = await ctx.download('/compliance/report/export?year=2026&unitCode=310101&format=csv', huangpu);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n').filter(Boolean)).toEqual([
      COMPLIANCE_REPORT_HEADERS.join(','),
      ...expected.map((cells) => cells.join(',')),
    ]);
  });

  it('issue 14: the export is scope-checked as the JSON report (another district 404 on unitCode); a bad format is 400 naming it', async () => {
    const outside = await ctx.download('/compliance/report/export?year=2026&unitCode=310104', huangpu);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ field: 'unitCode' });
    const format = await ctx.download('/compliance/report/export?year=2026&unitCode=310101&format=pdf', huangpu);
    expect(format.status).toBe(400);
    expect(await format.json()).toMatchObject({ field: 'format' });
  });

  it('TRAIN-6 recommends courses of the step for the years of service, modules not yet trained, online first when hours are short', async () => {
    const online = await ctx.call(
      'POST',
      '/library',
      cityPrincipal,
      newCourse({ title: '社会救助政策与实务（网络课程）', module: 'social-assistance', step: 'induction', delivery: 'online', hours: 4 }),
    );
    await ctx.call(
      'POST',
      '/library',
      cityPrincipal,
      newCourse({ title: '社会救助个案走访', module: 'social-assistance', step: 'induction', delivery: 'offline' }),
    );
    await ctx.call(
      'POST',
      '/library',
      cityPrincipal,
      newCourse({ title: '进修：社区治理前沿', module: 'social-assistance', step: 'advanced' }),
    );
    const rec = await ctx.call('GET', `/workers/${offJobWorker}/recommendations`, street);
    expect(rec.status).toBe(200);
    expect(rec.body.needs).toMatchObject({ step: 'induction', online: true, offJob: false });
    expect(rec.body.needs.modules).not.toContain('elderly-care'); // trained in 2026
    expect(rec.body.courses[0].id).toBe(online.body.id);
    expect(rec.body.courses.every((c: { step: string }) => c.step === 'induction')).toBe(true);
    expect(rec.body.explanation.rules.map((r: { id: string }) => r.id)).toContain('TRAIN-6');
    expect(rec.body.needs).toMatchObject({ skillLevel: 'none', examPreparation: true });

    // TRAIN-6 skill level: the worker with the social-worker certificate (TRAIN-8, recorded above) is served the professional step.
    const titled = await ctx.call('GET', `/workers/${worker}/recommendations`, street);
    expect(titled.body.needs).toMatchObject({ skillLevel: 'intermediate', step: 'professional', examPreparation: false });
    expect(titled.body.explanation.steps.map((s: { say: string }) => s.say)).toContain(
      'Skill level intermediate: raised to the professional step',
    );
  });
});
