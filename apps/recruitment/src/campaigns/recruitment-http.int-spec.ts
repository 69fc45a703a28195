/**
 * The recruitment API on the real PostgreSQL and Temporal dev server (a worker of the campaign
 * workflow on its own task queue), over the platform's HTTP wiring: the access matrix (roles ×
 * units × verbs; out of scope is 404 and audited), bad input answering 4xx naming the field with
 * nothing stored, REC-2 rounds, vacancies from the workforce staffing events, REC-4/5 eligibility,
 * one application per person (personRef), scores through the workflow's validated updates and a
 * bulk file validated row by row.
 */
import { testing } from '@cwp/platform';
import { ServiceClock } from '@cwp/platform';
import { createRecruitmentIntContext, newApplication, newOpening, principalOf, type RecruitmentIntContext } from '../testing';

jest.setTimeout(120_000);

const district = principalOf('district', '310101');
const otherDistrict = principalOf('district', '310104');
const city = principalOf('city', '31');
const street = principalOf('street', '310101002');
const otherStreet = principalOf('street', '310101013');
const foreignStreet = principalOf('street', '310104003');

let ctx: RecruitmentIntContext;
let today: string;

beforeAll(async () => {
  ctx = await createRecruitmentIntContext('rec_http_it', { publicRatePerMinute: 6 });
  today = ctx.get(ServiceClock).today();
  // The workforce service's figures per street: 310101002 has 5 vacancies, 310101013 two; an
  // older event for a street (a replay) does not overwrite newer figures.
  await ctx.staffing('310101002', 16, 11);
  await ctx.staffing('310101013', 2, 0);
});

afterAll(async () => {
  await ctx?.close();
});

const count = async (sql: string, params: unknown[] = []): Promise<number> => {
  const [row] = (await ctx.ds.query(sql, params)) as Array<{ n: number }>;
  return Number(row!.n);
};
const deniedAudits = () => count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied'");

async function openCampaign(round: number, posts = [{ streetCode: '310101002', count: 1 }]) {
  const res = await ctx.call('POST', '/campaigns', { principal: district, body: newOpening(today, posts, round) });
  expect(res.status).toBe(201);
  return res.body as { id: string; posts: Array<{ postId: string; streetCode: string }> };
}

describe('opening a campaign', () => {
  let first: { id: string; posts: Array<{ postId: string }> };

  it('REC-2 a district opens round 1 within the vacancies the workforce service published; the event is in the outbox', async () => {
    first = await openCampaign(1, [{ streetCode: '310101002', count: 3 }]);
    expect(
      await count("SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = 'cwp.recruitment.campaign.opened.v1'", [
        first.id,
      ]),
    ).toBe(1);
    const state = await testing.eventually(async () => {
      const r = await ctx.call('GET', `/campaigns/${first.id}/state`, { principal: district });
      return r.status === 200 ? r.body : undefined;
    });
    expect(state).toMatchObject({ campaignId: first.id, phase: 'registration' });
  });

  it('planned posts beyond a street’s vacancies (other running campaigns counted) are 422 naming posts[i].count; nothing stored', async () => {
    const before = await count('SELECT count(*) AS n FROM campaigns');
    const res = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(today, [{ streetCode: '310101002', count: 3 }], 2),
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'PLAN_EXCEEDS_VACANCIES', field: 'posts[0].count' });
    expect(res.body.details.streets[0]).toMatchObject({ planned: 3, plannedElsewhere: 3, vacancies: 5 });
    expect(await count('SELECT count(*) AS n FROM campaigns')).toBe(before);
  });

  it('REC-2 a 3rd round is refused with the figures; a second round 1 is 409', async () => {
    const third = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(today, [{ streetCode: '310101013', count: 1 }], 3),
    });
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({ code: 'ROUNDS_EXCEEDED', field: 'round', details: { rule: 'REC-2', rounds: 2, round: 3 } });
    const again = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(today, [{ streetCode: '310101013', count: 1 }], 1),
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', field: 'round' });
  });

  it.each([
    [{ round: undefined }, 'round'],
    [{ registrationClosesOn: '2020-01-01' }, 'registrationClosesOn'],
    [{ publicityDays: 3 }, 'publicityDays'],
    [{ posts: [{ streetCode: '310104003', postCategory: 'staff', count: 1 }] }, 'posts[0].streetCode'],
    [{ posts: [{ streetCode: '310101002', postCategory: 'staff', count: 0 }] }, 'posts.0.count'],
    [{ districtCode: '310101002' }, 'districtCode'],
  ])('bad input %j is 400 naming %s', async (change, field) => {
    const res = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: { ...newOpening(today, [{ streetCode: '310101013', count: 1 }], 2), ...change },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('access: another district is 404 on districtCode (audited), a street may not open (403), the city may', async () => {
    const denied = await deniedAudits();
    const other = await ctx.call('POST', '/campaigns', {
      principal: otherDistrict,
      body: newOpening(today, [{ streetCode: '310101013', count: 1 }], 2),
    });
    expect(other.status).toBe(404);
    expect(other.body.field).toBe('districtCode');
    expect(await deniedAudits()).toBe(denied + 1);
    expect(
      (await ctx.call('POST', '/campaigns', { principal: street, body: newOpening(today, [{ streetCode: '310101013', count: 1 }], 2) }))
        .status,
    ).toBe(403);
  });

  it('access matrix on reads: district, city and the district’s streets read; another district and its streets get 404 (audited)', async () => {
    for (const p of [district, city, street, otherStreet])
      expect((await ctx.call('GET', `/campaigns/${first.id}`, { principal: p })).status).toBe(200);
    const denied = await deniedAudits();
    for (const p of [otherDistrict, foreignStreet])
      expect((await ctx.call('GET', `/campaigns/${first.id}`, { principal: p })).status).toBe(404);
    expect(await deniedAudits()).toBe(denied + 2);
    expect((await ctx.call('GET', '/campaigns/not-a-uuid', { principal: district })).status).toBe(404);
    const listed = await ctx.call('GET', '/campaigns', { principal: otherDistrict });
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(first.id);
  });

  it('the list carries each campaign with its own posts (one query for all their posts)', async () => {
    const items = (await ctx.call('GET', '/campaigns', { principal: district })).body.items as Array<{
      id: string;
      posts: Array<{ count: number }>;
    }>;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.find((c) => c.id === first.id)?.posts.map((p) => p.count)).toEqual([3]);
    for (const c of items) expect(c.posts.length).toBeGreaterThanOrEqual(1);
  });

  it('the workflow state: one read of the row is also its access check; out of scope or unknown is 404 (audited)', async () => {
    expect((await ctx.call('GET', `/campaigns/${first.id}/state`, { principal: street })).status).toBe(200);
    const denied = await deniedAudits();
    for (const p of [otherDistrict, foreignStreet])
      expect((await ctx.call('GET', `/campaigns/${first.id}/state`, { principal: p })).status).toBe(404);
    expect(await deniedAudits()).toBe(denied + 2);
    expect((await ctx.call('GET', '/campaigns/00000000-0000-4000-8000-000000000000/state', { principal: district })).status).toBe(404);
  });
});

describe('applications, scores and the workflow', () => {
  let campaign: { id: string; posts: Array<{ postId: string; streetCode: string }> };
  let postId: string;
  const applicants: string[] = [];

  beforeAll(async () => {
    campaign = await openCampaign(2, [{ streetCode: '310101013', count: 1 }]);
    postId = campaign.posts[0]!.postId;
  });

  it('REC-4 an operator enters an eligible application: explanation stored, ID only masked and encrypted, event without personal data', async () => {
    const dto = newApplication(postId);
    const res = await ctx.call('POST', `/campaigns/${campaign.id}/applicants`, { principal: district, body: dto });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'registered',
      channel: 'operator',
      eligibility: { value: { eligible: true, preferenceRank: 2 } },
    });
    expect(res.body.eligibility.explanation.rules.map((r: { id: string }) => r.id)).toContain('REC-4');
    applicants.push(res.body.id);
    for (const table of ['applicants', 'audit_log', 'outbox'])
      expect(JSON.stringify(await ctx.ds.query(`SELECT * FROM ${table}`))).not.toContain(dto.nationalId);
  });

  it('one application per person per campaign (personRef): the second is 409 on nationalId, also through the public endpoint', async () => {
    const dto = newApplication(postId);
    expect((await ctx.call('POST', `/public/campaigns/${campaign.id}/applications`, { body: dto })).status).toBe(201);
    const again = await ctx.call('POST', `/campaigns/${campaign.id}/applicants`, {
      principal: district,
      body: { ...dto, name: '另一个名字' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', field: 'nationalId' });
    expect(JSON.stringify(again.body)).not.toContain(dto.nationalId);
    applicants.push(
      ...(
        (await ctx.ds.query('SELECT id FROM applicants WHERE campaign_id = $1 AND channel = $2', [campaign.id, 'public'])) as Array<{
          id: string;
        }>
      ).map((r) => r.id),
    );
  });

  it.each([
    [{ education: 'below-junior-college' }, 'education', 'REC-4'],
    [{ freshGraduate: false }, 'certificates', 'REC-4'],
  ])('REC-4 a hard failure %j is refused naming the field and the rule; nothing stored', async (change, field, rule) => {
    const before = await count('SELECT count(*) AS n FROM applicants');
    const res = await ctx.call('POST', `/campaigns/${campaign.id}/applicants`, {
      principal: district,
      body: newApplication(postId, change),
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'NOT_ELIGIBLE', field, details: { rule } });
    expect(await count('SELECT count(*) AS n FROM applicants')).toBe(before);
  });

  it('REC-4 the 45+ relaxation with long community work admits a junior-college-less applicant, explained', async () => {
    const res = await ctx.call('POST', `/campaigns/${campaign.id}/applicants`, {
      principal: district,
      body: newApplication(postId, {
        nationalId: testing.newNationalId({ birthDate: '19750101' }),
        education: 'below-junior-college',
        freshGraduate: false,
        communityYears: 15,
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.eligibility.value).toMatchObject({ eligible: true, relaxationApplies: true });
    applicants.push(res.body.id);
  });

  it('bad applications are 400 naming the field: a malformed ID, a post of another campaign', async () => {
    // A generated ID with its check digit changed: malformed, and no real person's number in the code.
    const valid = testing.newNationalId();
    const malformed = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const bad = await ctx.call('POST', `/campaigns/${campaign.id}/applicants`, {
      principal: district,
      body: newApplication(postId, { nationalId: malformed }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('nationalId');
    const wrongPost = await ctx.call('POST', `/campaigns/${campaign.id}/applicants`, {
      principal: district,
      body: newApplication('0b7f2f0e-1c1a-4c59-9d0a-4f6b8f1e2a01'),
    });
    expect(wrongPost.status).toBe(400);
    expect(wrongPost.body.field).toBe('postId');
  });

  it('access matrix on applicants: the post’s street and the district see them; another street sees none; another district 404', async () => {
    const id = applicants[0]!;
    for (const p of [district, city, otherStreet]) expect((await ctx.call('GET', `/applicants/${id}`, { principal: p })).status).toBe(200);
    const denied = await deniedAudits();
    for (const p of [street, otherDistrict, foreignStreet])
      expect((await ctx.call('GET', `/applicants/${id}`, { principal: p })).status).toBe(404);
    expect(await deniedAudits()).toBe(denied + 3);
    expect((await ctx.call('GET', `/campaigns/${campaign.id}/applicants`, { principal: street })).body.total).toBe(0);
    expect((await ctx.call('GET', `/campaigns/${campaign.id}/applicants`, { principal: otherStreet })).body.total).toBe(applicants.length);
    expect((await ctx.call('GET', `/campaigns/${campaign.id}/applicants`, { principal: otherDistrict })).status).toBe(404);
  });

  it('REC-6 scores go through the workflow: outside 0..100 is 400 on score, another phase 409, the internship evaluation from the host street is recorded', async () => {
    expect(
      (await ctx.call('POST', `/campaigns/${campaign.id}/close-phase`, { principal: district, body: { phase: 'registration' } })).status,
    ).toBe(200);
    await testing.eventually(async () =>
      (await ctx.call('GET', `/campaigns/${campaign.id}/state`, { principal: district })).body.phase === 'screening' ? true : undefined,
    );
    const early = await ctx.call('POST', `/applicants/${applicants[0]}/scores`, {
      principal: district,
      body: { kind: 'internship', score: 80 },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CAMPAIGN_PHASE');
    await ctx.call('POST', `/campaigns/${campaign.id}/close-phase`, { principal: district, body: { phase: 'screening' } });
    await testing.eventually(async () =>
      (await ctx.call('GET', `/campaigns/${campaign.id}/state`, { principal: district })).body.phase === 'internship' ? true : undefined,
    );

    const over = await ctx.call('POST', `/applicants/${applicants[0]}/scores`, {
      principal: district,
      body: { kind: 'internship', score: 120 },
    });
    expect(over.status).toBe(400);
    expect(over.body.field).toBe('score');
    const byHost = await ctx.call('POST', `/applicants/${applicants[0]}/scores`, {
      principal: otherStreet,
      body: { kind: 'internship', score: 88.5 },
    });
    expect(byHost.status).toBe(200);
    expect(await count('SELECT count(*) AS n FROM applicants WHERE internship_score = 88.5')).toBe(1);
    const denied = await ctx.call('POST', `/applicants/${applicants[0]}/scores`, {
      principal: otherDistrict,
      body: { kind: 'internship', score: 70 },
    });
    expect(denied.status).toBe(404);
  });

  it('REC-6 a bulk file with a bad row is refused with its line number and nothing of it is stored; a good file is stored whole', async () => {
    const csv = (rows: string[]) => ['applicantId,score', ...rows].join('\n');
    const bad = await ctx.call('POST', `/campaigns/${campaign.id}/score-files`, {
      principal: district,
      body: { kind: 'internship', csv: csv([`${applicants[1]},75`, `${applicants[2]},150`]) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'SCORE_FILE_INVALID', field: 'csv', details: { problems: [{ line: 3, field: 'score' }] } });
    expect(await count('SELECT count(*) AS n FROM applicants WHERE internship_score = 75')).toBe(0);

    const unknown = await ctx.call('POST', `/campaigns/${campaign.id}/score-files`, {
      principal: district,
      body: { kind: 'internship', csv: csv([`${applicants[1]},75`, '0b7f2f0e-1c1a-4c59-9d0a-4f6b8f1e2a09,60']) },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.problems).toEqual([
      { line: 3, field: 'applicantId', message: 'no applicant of this campaign awaits a internship score' },
    ]);
    expect(await count('SELECT count(*) AS n FROM applicants WHERE internship_score = 75')).toBe(0);

    const good = await ctx.call('POST', `/campaigns/${campaign.id}/score-files`, {
      principal: district,
      body: { kind: 'internship', csv: `报名编号,成绩\n${applicants[1]},75\n${applicants[2]},66` },
    });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ stored: 2 });
  });

  it('REC-6 a score file above the 100 kB JSON limit is read whole (the upload route takes a file); other routes still refuse such a body with 413', async () => {
    // 3,000 lines (~130 kB): every applicant unknown, so the file is refused naming its lines: it was parsed, not cut off.
    const lines = Array.from({ length: 3_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')},60`);
    const big = ['applicantId,score', ...lines].join('\n');
    expect(Buffer.byteLength(big)).toBeGreaterThan(100 * 1024);
    const file = await ctx.call('POST', `/campaigns/${campaign.id}/score-files`, {
      principal: district,
      body: { kind: 'internship', csv: big },
    });
    expect(file.status).toBe(400);
    expect(file.body).toMatchObject({ code: 'SCORE_FILE_INVALID', field: 'csv' });
    expect(file.body.details.problems[0]).toMatchObject({ line: 2, field: 'applicantId' });
    const elsewhere = await ctx.call('POST', `/campaigns/${campaign.id}/close-phase`, {
      principal: district,
      body: { phase: 'x', pad: big },
    });
    expect(elsewhere.status).toBe(413);
  });

  it('the public endpoint refuses outside the registration window (422) and floods get 429', async () => {
    const closed = await ctx.call('POST', `/public/campaigns/${campaign.id}/applications`, { body: newApplication(postId) });
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe('REGISTRATION_CLOSED');
    const answers: Array<{ status: number; body: Record<string, any> }> = [];
    for (let i = 0; i < 8; i++)
      answers.push(await ctx.call('POST', `/public/campaigns/${campaign.id}/applications`, { body: newApplication(postId) }));
    const limited = answers.find((answer) => answer.status === 429);
    // The platform's refusal: TOO_MANY_REQUESTS with the seconds to wait (the Retry-After header's figure).
    expect(limited?.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
  });
});
