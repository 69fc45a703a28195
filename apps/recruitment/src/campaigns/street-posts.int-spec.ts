/**
 * REC-3 street posts on the real PostgreSQL: a street adds street-selected posts to its district's
 * campaign within its vacancies (explained), beyond them is 422 naming `count` with nothing
 * stored, another street's code is 400, another district's street 404.
 */
import { ServiceClock } from '@cwp/platform';
import { createRecruitmentIntContext, newOpening, principalOf, type RecruitmentIntContext } from '../testing';

jest.setTimeout(120_000);

const district = principalOf('district', '310101');
const street = principalOf('street', '310101002');
const neighbour = principalOf('street', '310101013');
const foreignStreet = principalOf('street', '310104003');
let ctx: RecruitmentIntContext;

beforeAll(async () => {
  ctx = await createRecruitmentIntContext('rec_street_it');
  await ctx.staffing('310101002', 10, 7); // 3 vacancies
});

afterAll(async () => {
  await ctx?.close();
});

it('REC-3 a street adds its own posts within its vacancies, explained; beyond is 422 on count; others are refused', async () => {
  const today = ctx.get(ServiceClock).today();
  const opened = await ctx.call('POST', '/campaigns', {
    principal: district,
    body: newOpening(today, [{ streetCode: '310101002', count: 1 }]),
  });
  expect(opened.status).toBe(201);
  const id = opened.body.id as string;
  const post = (count: number) => ({ streetCode: '310101002', postCategory: 'staff', count });
  const streetPosts = async () =>
    Number(
      (
        (await ctx.ds.query('SELECT count(*)::int AS n FROM campaign_posts WHERE campaign_id = $1 AND street_selected', [id])) as Array<{
          n: number;
        }>
      )[0]!.n,
    );

  const added = await ctx.call('POST', `/campaigns/${id}/street-posts`, { principal: street, body: post(2) });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ streetCode: '310101002', count: 2, streetSelected: true });
  expect(added.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(['REC-3']);
  expect(added.body.explanation.inputs).toMatchObject({ vacancies: 3, plannedRunning: 1, requested: 2 });

  const over = await ctx.call('POST', `/campaigns/${id}/street-posts`, { principal: street, body: post(1) });
  expect(over.status).toBe(422);
  expect(over.body).toMatchObject({ code: 'PLAN_EXCEEDS_VACANCIES', field: 'count' });
  expect((await ctx.call('POST', `/campaigns/${id}/street-posts`, { principal: neighbour, body: post(1) })).body).toMatchObject({
    field: 'streetCode',
  });
  expect((await ctx.call('POST', `/campaigns/${id}/street-posts`, { principal: foreignStreet, body: post(1) })).status).toBe(404);
  expect((await ctx.call('POST', `/campaigns/${id}/street-posts`, { principal: street, body: { ...post(1), count: 0 } })).status).toBe(400);
  expect(await streetPosts()).toBe(1);
  const read = await ctx.call('GET', `/campaigns/${id}`, { principal: street });
  expect(read.body.posts.filter((p: { streetSelected: boolean }) => p.streetSelected)).toHaveLength(1);
});
