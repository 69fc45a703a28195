/**
 * The cancellation saga (issue 10) on the real PostgreSQL and Temporal dev server: a district
 * cancels a campaign with interns placed; the workflow's undo steps release the interns, take
 * every applicant out (`campaign-cancelled`, told by `applicant.released`), and cancel the
 * campaign so its posts stop holding the street's vacancies (`campaign.cancelled`).
 */
import { ServiceClock, testing } from '@cwp/platform';
import { createRecruitmentIntContext, newApplication, newOpening, principalOf, type RecruitmentIntContext } from '../testing';

jest.setTimeout(120_000);

const district = principalOf('district', '310101');
const street = principalOf('street', '310101002');
let ctx: RecruitmentIntContext;
let today: string;

beforeAll(async () => {
  ctx = await createRecruitmentIntContext('rec_cancel_it');
  today = ctx.get(ServiceClock).today();
  await ctx.staffing('310101002', 10, 7); // 3 vacancies
});

afterAll(async () => {
  await ctx?.close();
});

const phaseOf = async (id: string): Promise<string> =>
  (await ctx.call('GET', `/campaigns/${id}/state`, { principal: district })).body.phase;
const waitPhase = (id: string, phase: string) => testing.eventually(async () => ((await phaseOf(id)) === phase ? true : undefined));

describe('cancellation saga', () => {
  it('a cancel halfway releases interns, applicants (told by event) and the posts, in reverse order; a street may not cancel', async () => {
    const opened = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(today, [{ streetCode: '310101002', count: 3 }], 1),
    });
    expect(opened.status).toBe(201);
    const { id, posts } = opened.body as { id: string; posts: Array<{ postId: string }> };
    // Every vacancy is held: a second campaign on the same street is refused.
    const full = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(today, [{ streetCode: '310101002', count: 1 }], 2),
    });
    expect(full.status).toBe(422);

    const applicantIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await ctx.call('POST', `/campaigns/${id}/applicants`, { principal: district, body: newApplication(posts[0]!.postId) });
      expect(res.status).toBe(201);
      applicantIds.push(res.body.id);
    }
    await waitPhase(id, 'registration');
    await ctx.call('POST', `/campaigns/${id}/close-phase`, { principal: district, body: { phase: 'registration' } });
    await waitPhase(id, 'screening');
    await ctx.call('POST', `/campaigns/${id}/close-phase`, { principal: district, body: { phase: 'screening' } });
    await waitPhase(id, 'internship');
    const [{ n: hosted }] = (await ctx.ds.query(
      'SELECT count(*)::int AS n FROM applicants WHERE campaign_id = $1 AND host_street IS NOT NULL',
      [id],
    )) as Array<{ n: number }>;
    expect(hosted).toBe(2);

    expect((await ctx.call('POST', `/campaigns/${id}/cancel`, { principal: street })).status).toBe(403);
    const cancelled = await ctx.call('POST', `/campaigns/${id}/cancel`, { principal: district });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelReason).toBe('operator-decision');
    const again = await ctx.call('POST', `/campaigns/${id}/cancel`, { principal: district });
    expect(again.status).toBe(409);

    await testing.eventually(async () => {
      const [row] = (await ctx.ds.query('SELECT phase FROM campaigns WHERE id = $1', [id])) as Array<{ phase: string }>;
      return row?.phase === 'cancelled' ? true : undefined;
    });
    const rows = (await ctx.ds.query(
      'SELECT status, out_reason AS "outReason", host_street AS host FROM applicants WHERE campaign_id = $1',
      [id],
    )) as Array<{ status: string; outReason: string; host: string | null }>;
    expect(rows).toEqual(applicantIds.map(() => ({ status: 'out', outReason: 'campaign-cancelled', host: null })));

    const released = (await ctx.ds.query(
      "SELECT message_key AS key FROM outbox WHERE event_type = 'cwp.recruitment.applicant.released.v1' AND message_key = ANY($1::text[])",
      [applicantIds],
    )) as Array<{ key: string }>;
    expect(released.map((r) => r.key).sort()).toEqual([...applicantIds].sort());
    const [event] = (await ctx.ds.query(
      "SELECT envelope FROM outbox WHERE event_type = 'cwp.recruitment.campaign.cancelled.v1' AND message_key = $1",
      [id],
    )) as Array<{ envelope: { data: Record<string, unknown> } }>;
    const data = event!.envelope.data;
    expect(data).toMatchObject({
      campaignId: id,
      reason: 'operator-decision',
      previousPhase: 'internship',
      undone: ['release-interns', 'release-applicants', 'release-posts'],
      applicantsReleased: 2,
      internsReleased: 2,
      releasedPosts: [{ postId: posts[0]!.postId, streetCode: '310101002', count: 3 }],
    });
    // The posts are released: the street's vacancies can be planned again.
    const reopened = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(today, [{ streetCode: '310101002', count: 3 }], 2),
    });
    expect(reopened.status).toBe(201);
  });
});
