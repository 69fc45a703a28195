/**
 * Reserve cadres (REC-8) on the real PostgreSQL and Temporal dev server, over HTTP: a street
 * nominates with a development plan (eligibility by @cwp/policy, explained), the district confirms
 * (the yearly review workflow starts) or declines, the workflow's activity opens each year's review
 * and the district keeps (eligibility re-checked) or removes; the access matrix by role and scope.
 */
import { reserveCadreWorkflowId, type WorkerExitedData } from '@cwp/contracts';
import { CadresService } from './cadres.service';
import { TraineesService } from '../roster';
import { createTrainingIntContext, cityPrincipal, newWorkerId, principalOf, type TrainingIntContext } from '../testing';

let ctx: TrainingIntContext;
const huangpu = principalOf('district', '310101');
const xuhui = principalOf('district', '310104');
const street = principalOf('street', '310101002');
const otherStreet = principalOf('street', '310101013');
const young = newWorkerId();
const untitled = newWorkerId();
const leaver = newWorkerId();

const nomination = (workerId: string, over: Record<string, unknown> = {}) => ({
  workerId,
  targetRole: 'party-secretary',
  birthDate: '1994-04-01',
  lastGrade: 'excellent',
  reason: '群众基础好，主持过两次居民区议事协商',
  planObjectives: ['到街道党建办挂职半年', '主持一个居民区自治项目'],
  ...over,
});
const events = (key: string) =>
  ctx.ds.query(
    `SELECT envelope->'data' AS data FROM outbox WHERE message_key = $1 AND event_type = 'cwp.training.reserve-cadre.changed.v1' ORDER BY seq`,
    [key],
  ) as Promise<Array<{ data: { change: string; year: number | null; rules: string[] } }>>;

beforeAll(async () => {
  ctx = await createTrainingIntContext('training_cadre_it', { today: '2026-12-02' });
  await ctx.hire([young, untitled, leaver].map((workerId) => ({ workerId, unitCode: '310101002001', hiredOn: '2021-03-01' })));
  for (const workerId of [young, untitled, leaver]) {
    expect((await ctx.call('PUT', `/workers/${workerId}/education`, street, { education: 'bachelor' })).status).toBe(200);
  }
  for (const workerId of [young, leaver]) {
    const cert = await ctx.call('POST', '/certificates', street, { workerId, kind: 'assistant-social-worker', passedOn: '2025-06-20' });
    expect(cert.status).toBe(201);
  }
});

afterAll(async () => {
  await ctx?.close();
});

describe('reserve cadres (REC-8)', () => {
  let cadreId: string;

  it('REC-8 a street nominates an eligible worker with a development plan; the eligibility explains itself; a second nomination is 409', async () => {
    const res = await ctx.call('POST', '/cadres', street, nomination(young));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ workerId: young, status: 'nominated', targetRole: 'party-secretary', unitCode: '310101002001' });
    expect(res.body.eligibility.rules.map((r: { id: string }) => r.id)).toEqual(['REC-8', 'APPR-2']);
    expect(res.body.eligibility.inputs).toMatchObject({ age: 32, education: 'bachelor', certificates: ['junior-social-worker'] });
    expect(JSON.stringify(res.body)).not.toContain('1994-04-01'); // the age is kept, never the birth date
    cadreId = res.body.id;
    expect((await events(young)).map((e) => e.data.change)).toEqual(['nominated']);
    const again = await ctx.call('POST', '/cadres', street, nomination(young));
    expect(again).toMatchObject({ status: 409, body: { code: 'DUPLICATE', field: 'targetRole' } });
  });

  it('REC-8 a worker without the assistant social worker title is 422 naming the unmet criterion, and nothing is stored', async () => {
    const res = await ctx.call('POST', '/cadres', street, nomination(untitled));
    expect(res).toMatchObject({ status: 422, body: { code: 'CADRE_NOT_ELIGIBLE', field: 'workerId' } });
    expect(res.body.detail ?? res.body.message).toMatch(/titled/);
    const old = await ctx.call('POST', '/cadres', street, nomination(untitled, { birthDate: '1980-01-01' }));
    expect(old.status).toBe(422);
    const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM reserve_cadres WHERE worker_id = $1`, [untitled]);
    expect(n).toBe(0);
  });

  it('bad input is 400 naming the field', async () => {
    expect(await ctx.call('POST', '/cadres', street, nomination(young, { targetRole: 'mayor' }))).toMatchObject({
      status: 400,
      body: { field: 'targetRole' },
    });
    expect(await ctx.call('POST', '/cadres', street, nomination(young, { birthDate: '1994-02-30' }))).toMatchObject({
      status: 400,
      body: { field: 'birthDate' },
    });
    expect(await ctx.call('POST', '/cadres', street, nomination(young, { planObjectives: [] }))).toMatchObject({
      status: 400,
      body: { field: 'planObjectives' },
    });
  });

  it('access matrix: streets nominate, districts decide, operators read in scope; out of scope is 404 and audited', async () => {
    expect((await ctx.call('POST', '/cadres', huangpu, nomination(leaver))).status).toBe(403);
    expect((await ctx.call('POST', '/cadres', cityPrincipal, nomination(leaver))).status).toBe(403);
    expect((await ctx.call('POST', '/cadres', otherStreet, nomination(leaver))).status).toBe(404);
    expect((await ctx.call('POST', `/cadres/${cadreId}/decision`, street, { decision: 'confirm', note: 'x' })).status).toBe(403);
    expect((await ctx.call('POST', `/cadres/${cadreId}/decision`, xuhui, { decision: 'confirm', note: 'x' })).status).toBe(404);
    for (const reader of [cityPrincipal, huangpu, street]) expect((await ctx.call('GET', `/cadres/${cadreId}`, reader)).status).toBe(200);
    expect((await ctx.call('GET', `/cadres/${cadreId}`, otherStreet)).status).toBe(404);
    expect((await ctx.call('GET', `/cadres/${cadreId}`, xuhui)).status).toBe(404);
    expect((await ctx.call('GET', '/cadres?unitCode=310104', huangpu)).status).toBe(404);
    expect((await ctx.call('GET', '/cadres/not-a-uuid', huangpu)).status).toBe(404);
    const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND outcome = 'denied'`, [cadreId]);
    expect(n).toBeGreaterThanOrEqual(3);
    const listed = await ctx.call('GET', '/cadres?unitCode=310101&status=nominated', huangpu);
    expect(listed.body.map((c: { id: string }) => c.id)).toContain(cadreId);
  });

  it('REC-8 the district confirms: the yearly review workflow starts; a second decision is 409', async () => {
    const res = await ctx.call('POST', `/cadres/${cadreId}/decision`, huangpu, { decision: 'confirm', note: '区委组织部审核通过' });
    expect(res).toMatchObject({ status: 200, body: { status: 'confirmed', decidedOn: '2026-12-02' } });
    const described = await ctx.client.workflow.getHandle(reserveCadreWorkflowId(cadreId)).describe();
    expect(described.type).toBe('reserveCadreWorkflow');
    const again = await ctx.call('POST', `/cadres/${cadreId}/decision`, huangpu, { decision: 'decline', note: 'x' });
    expect(again).toMatchObject({ status: 409, body: { field: 'decision' } });
    expect((await events(young)).map((e) => e.data.change)).toEqual(['nominated', 'confirmed']);
  });

  it('REC-8 yearly review: none before the workflow opens one; kept with eligibility re-checked; a worker no longer eligible cannot be kept; removed', async () => {
    const early = await ctx.call('POST', `/cadres/${cadreId}/reviews`, huangpu, { outcome: 'kept', birthDate: '1994-04-01', note: 'x' });
    expect(early).toMatchObject({ status: 409, body: { code: 'REVIEW_NOT_DUE' } });
    const cadres = ctx.get(CadresService);
    expect(await cadres.openReview(cadreId, 1, '2027-12-02')).toEqual({ status: 'confirmed' });
    expect(await cadres.openReview(cadreId, 1, '2027-12-02')).toEqual({ status: 'confirmed' }); // a retry opens nothing twice
    const kept = await ctx.call('POST', `/cadres/${cadreId}/reviews`, huangpu, {
      outcome: 'kept',
      birthDate: '1994-04-01',
      lastGrade: 'excellent',
      note: '年度考核优秀，继续培养',
    });
    expect(kept.status).toBe(200);
    expect(kept.body.reviews).toEqual([expect.objectContaining({ round: 1, dueOn: '2027-12-02', outcome: 'kept' })]);
    expect(kept.body.reviews[0].explanation.rules.map((r: { id: string }) => r.id)).toContain('REC-8');

    await cadres.openReview(cadreId, 2, '2028-12-02');
    const slipped = await ctx.call('POST', `/cadres/${cadreId}/reviews`, huangpu, {
      outcome: 'kept',
      birthDate: '1994-04-01',
      lastGrade: 'basically-qualified',
      note: 'x',
    });
    expect(slipped).toMatchObject({ status: 422, body: { code: 'CADRE_NOT_ELIGIBLE', field: 'outcome' } });
    const removed = await ctx.call('POST', `/cadres/${cadreId}/reviews`, huangpu, {
      outcome: 'removed',
      birthDate: '1994-04-01',
      lastGrade: 'basically-qualified',
      note: '年度考核基本合格，退出后备',
    });
    expect(removed).toMatchObject({ status: 200, body: { status: 'removed' } });
    expect((await events(young)).map((e) => [e.data.change, e.data.year])).toEqual([
      ['nominated', null],
      ['confirmed', null],
      ['kept', 2027],
      ['removed', 2028],
    ]);
    expect(await cadres.openReview(cadreId, 3, '2029-12-02')).toEqual({ status: 'removed' });
  });

  it('REC-8 a confirmed cadre whose worker left leaves the reserve at the next review point', async () => {
    const nominated = await ctx.call('POST', '/cadres', street, nomination(leaver, { targetRole: 'committee-director' }));
    expect(nominated.status).toBe(201);
    const id = nominated.body.id;
    expect((await ctx.call('POST', `/cadres/${id}/decision`, huangpu, { decision: 'confirm', note: '同意' })).status).toBe(200);
    await ctx.ds.transaction((em) =>
      ctx.get(TraineesService).fromExited(em, { workerId: leaver, exitedOn: '2027-03-01' } as WorkerExitedData),
    );
    expect(await ctx.get(CadresService).openReview(id, 1, '2027-12-02')).toEqual({ status: 'exited' });
    expect((await ctx.call('GET', `/cadres/${id}`, huangpu)).body.status).toBe('exited');
    expect((await events(leaver)).map((e) => e.data.change)).toEqual(['nominated', 'confirmed', 'removed']);
  });
});
