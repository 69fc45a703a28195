/**
 * The library and the access matrix over HTTP on the real platform wiring and PostgreSQL:
 * Chinese full-text search (TRAIN-10), city-wide and district-local resources, roles × units ×
 * verbs (deny by default, out of scope → 404 with the denial audited), bad input → 400 naming the field.
 */
import { createTrainingIntContext, cityPrincipal, newCourse, newWorkerId, principalOf, type TrainingIntContext } from '../testing';

jest.setTimeout(60_000);

let ctx: TrainingIntContext;
const huangpu = principalOf('district', '310101');
const xuhui = principalOf('district', '310104');
const nanjingdong = principalOf('street', '310101002');
const xuhuiStreet = principalOf('street', '310104003');
const elearning = principalOf('system', '31');

beforeAll(async () => {
  ctx = await createTrainingIntContext('training_lib_it');
});

afterAll(async () => {
  await ctx?.close();
});

describe('library (TRAIN-10)', () => {
  it('TRAIN-10 finds Chinese titles by any two-character substring and by one character; a miss finds nothing', async () => {
    const created = await ctx.call(
      'POST',
      '/library',
      cityPrincipal,
      newCourse({ title: '老年人心理健康服务与危机干预', module: 'mental-health' }),
    );
    expect(created.status).toBe(201);
    for (const q of ['心理健康', '危机干预', '老年', '预']) {
      const found = await ctx.call('GET', `/library?q=${encodeURIComponent(q)}`, nanjingdong);
      expect(found.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    }
    const miss = await ctx.call('GET', `/library?q=${encodeURIComponent('禁毒')}`, nanjingdong);
    expect(miss.body.items.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
  });

  it('TRAIN-8 a district adds local courses: its streets and the city see them, another district does not (404, audited)', async () => {
    const local = await ctx.call('POST', '/library', huangpu, newCourse({ title: '黄浦区旧区改造政策解读', module: 'general' }));
    expect(local.status).toBe(201);
    expect(local.body.ownerUnit).toBe('310101');
    expect((await ctx.call('GET', `/library/${local.body.id}`, nanjingdong)).status).toBe(200);
    expect((await ctx.call('GET', `/library/${local.body.id}`, cityPrincipal)).status).toBe(200);
    const denied = await ctx.call('GET', `/library/${local.body.id}`, xuhui);
    expect(denied.status).toBe(404);
    const search = await ctx.call('GET', `/library?q=${encodeURIComponent('旧区改造')}`, xuhuiStreet);
    expect(search.body.items).toEqual([]);
    const audit = await ctx.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND outcome = 'denied'`, [
      local.body.id,
    ]);
    expect(audit[0].n).toBe(1);
  });

  it('TRAIN-10 a community picks what it needs; a community of another district is 404 on unitCode', async () => {
    const course = await ctx.call('POST', '/library', cityPrincipal, newCourse({ title: '社区议事协商方法' }));
    const picked = await ctx.call('POST', `/library/${course.body.id}/picks`, nanjingdong, { unitCode: '310101002001' });
    expect(picked.status).toBe(200);
    expect(picked.body.items.map((r: { id: string }) => r.id)).toEqual([course.body.id]);
    const again = await ctx.call('POST', `/library/${course.body.id}/picks`, nanjingdong, { unitCode: '310101002001' });
    expect(again.body.items).toHaveLength(1);
    const outside = await ctx.call('POST', `/library/${course.body.id}/picks`, nanjingdong, { unitCode: '310104003001' });
    expect(outside).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', field: 'unitCode' } });
  });

  it('bad input answers 400 naming the field, and stores nothing', async () => {
    const before = await ctx.ds.query('SELECT count(*)::int AS n FROM library_resources');
    const cases: Array<[Record<string, unknown>, string]> = [
      [newCourse({ step: 'expert' }), 'step'],
      [newCourse({ hours: 0 }), 'hours'],
      [newCourse({ hours: undefined }), 'hours'],
      [newCourse({ module: 'astrology' }), 'module'],
      [newCourse({ title: '' }), 'title'],
      [newCourse({ minYears: 5, maxYears: 2 }), 'maxYears'],
      [{ kind: 'teacher', title: '张老师', module: 'law' }, 'affiliation'],
    ];
    for (const [body, field] of cases) {
      const res = await ctx.call('POST', '/library', cityPrincipal, body);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
    const q = await ctx.call('GET', `/library?q=${encodeURIComponent('，。')}`, cityPrincipal);
    expect(q).toMatchObject({ status: 400, body: { field: 'q' } });
    expect(await ctx.ds.query('SELECT count(*)::int AS n FROM library_resources')).toEqual(before);
  });
});

describe('access matrix (ORG-2): roles × units × verbs', () => {
  const inHuangpu = newWorkerId();
  let courseId: string;
  let huangpuClass: string;

  beforeAll(async () => {
    await ctx.hire([{ workerId: inHuangpu, unitCode: '310101002001' }]);
    courseId = (await ctx.call('POST', '/library', cityPrincipal, newCourse())).body.id;
    huangpuClass = (
      await ctx.call('POST', '/classes', huangpu, {
        courseId,
        unitCode: '310101',
        startsOn: '2026-03-02',
        endsOn: '2026-03-06',
        place: '黄浦区社区学院',
        capacity: 30,
        offJob: true,
      })
    ).body.id;
  });

  const rows: Array<[string, ReturnType<typeof principalOf>, Record<string, number>]> = [
    [
      'city',
      cityPrincipal,
      { readWorker: 200, addCourse: 201, readClass: 200, enrol: 200, attendance: 200, completion: 403, runCompliance: 202 },
    ],
    [
      'own district',
      huangpu,
      { readWorker: 200, addCourse: 201, readClass: 200, enrol: 200, attendance: 200, completion: 403, runCompliance: 403 },
    ],
    [
      'own street',
      nanjingdong,
      { readWorker: 200, addCourse: 403, readClass: 200, enrol: 200, attendance: 404, completion: 403, runCompliance: 403 },
    ],
    [
      'other district',
      xuhui,
      { readWorker: 404, addCourse: 201, readClass: 404, enrol: 404, attendance: 404, completion: 403, runCompliance: 403 },
    ],
    [
      'other street',
      xuhuiStreet,
      { readWorker: 404, addCourse: 403, readClass: 404, enrol: 404, attendance: 404, completion: 403, runCompliance: 403 },
    ],
    [
      'e-learning system (reads city-wide, audited; writes only its completions: issue 14)',
      elearning,
      { readWorker: 200, addCourse: 403, readClass: 200, enrol: 403, attendance: 403, completion: 201, runCompliance: 403 },
    ],
  ];

  it.each(rows)('%s', async (_name, principal, expected) => {
    const got: Record<string, number> = {};
    got.readWorker = (await ctx.call('GET', `/workers/${inHuangpu}`, principal)).status;
    got.addCourse = (await ctx.call('POST', '/library', principal, newCourse({ title: '访问矩阵测试课程' }))).status;
    got.readClass = (await ctx.call('GET', `/classes/${huangpuClass}`, principal)).status;
    got.enrol = (await ctx.call('POST', `/classes/${huangpuClass}/enrolments`, principal, { workerIds: [inHuangpu] })).status;
    got.attendance = (
      await ctx.call('POST', `/classes/${huangpuClass}/attendance`, principal, {
        records: [{ workerId: inHuangpu, attendedOn: '2026-03-02', hours: 1 }],
      })
    ).status;
    got.completion = (
      await ctx.call('POST', '/completions', principal, {
        completionId: `matrix-${newWorkerId()}`,
        workerId: inHuangpu,
        completedOn: '2026-04-01',
        hours: 1,
      })
    ).status;
    // A year nobody else runs: the run only starts (the context has no worker) and is ended at once.
    await ctx.client.workflow
      .getHandle('training-compliance:2001')
      .terminate('test')
      .catch(() => undefined);
    got.runCompliance = (await ctx.call('POST', '/compliance/runs', principal, { year: 2001 })).status;
    if (got.runCompliance === 202)
      await ctx.client.workflow
        .getHandle('training-compliance:2001')
        .terminate('test')
        .catch(() => undefined);
    expect(got).toEqual(expected);
  });

  it('a malformed id is 404 before SQL; every out-of-scope read is audited as denied', async () => {
    expect((await ctx.call('GET', '/classes/not-a-uuid', cityPrincipal)).status).toBe(404);
    expect((await ctx.call('GET', '/workers/bad%20id', cityPrincipal)).status).toBe(404);
    const denied = await ctx.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND outcome = 'denied'`, [inHuangpu]);
    expect(denied[0].n).toBeGreaterThanOrEqual(2);
  });
});
