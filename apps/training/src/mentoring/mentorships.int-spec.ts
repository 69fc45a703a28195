/** Mentoring pairs (TRAIN-9) over HTTP on real PostgreSQL: the mentor rule, check-ins, scope, bad input. */
import { mentorshipWorkflowId } from '@cwp/contracts';
import { MentorshipsService } from './mentorships.service';
import { createTrainingIntContext, newWorkerId, principalOf, type TrainingIntContext } from '../testing';

jest.setTimeout(60_000);

let ctx: TrainingIntContext;
const street = principalOf('street', '310101002');
const otherStreet = principalOf('street', '310104003');
const senior = newWorkerId();
const junior = newWorkerId();
const newcomer = newWorkerId();

beforeAll(async () => {
  ctx = await createTrainingIntContext('training_mentor_it', { today: '2026-12-02' });
  await ctx.hire([
    { workerId: senior, unitCode: '310101002001', hiredOn: '2018-03-01' },
    { workerId: junior, unitCode: '310101002001', hiredOn: '2025-09-01' },
    { workerId: newcomer, unitCode: '310101002002', hiredOn: '2026-07-01' },
  ]);
});

afterAll(async () => {
  await ctx?.close();
});

const plan = (over: Record<string, unknown> = {}) => ({
  mentorId: senior,
  menteeId: newcomer,
  objectives: ['独立主持居民议事会', '掌握低保申请审核流程'],
  plan: '每月一次跟岗，每季度一次复盘',
  startsOn: '2026-09-01',
  endsOn: '2027-08-31',
  ...over,
});

describe('mentoring (TRAIN-9)', () => {
  it('TRAIN-9 an experienced worker mentors a newcomer; check-ins record the objectives met', async () => {
    const created = await ctx.call('POST', '/mentorships', street, plan());
    expect(created).toMatchObject({
      status: 201,
      body: { mentorId: senior, menteeId: newcomer, unitCode: '310101002002', objectivesMet: 0 },
    });
    const checked = await ctx.call('POST', `/mentorships/${created.body.id}/check-ins`, street, {
      onDate: '2026-10-15',
      note: '跟岗参与议事会一次',
      objectivesMet: [0],
    });
    expect(checked).toMatchObject({ status: 201, body: { objectivesMet: 1, checkins: [{ onDate: '2026-10-15', objectivesMet: [0] }] } });
    expect((await ctx.call('GET', `/mentorships/${created.body.id}`, otherStreet)).status).toBe(404);
  });

  it("TRAIN-9 reminders: the pair's workflow starts after the commit; a silent period is reminded once, a period with a check-in is not; the close counts objectives", async () => {
    const created = await ctx.call('POST', '/mentorships', street, plan({ startsOn: '2026-08-01', checkinEveryDays: 14 }));
    expect(created).toMatchObject({ status: 201, body: { checkinEveryDays: 14, status: 'open', reminders: [] } });
    const id = created.body.id;
    expect((await ctx.client.workflow.getHandle(mentorshipWorkflowId(id)).describe()).type).toBe('mentorshipWorkflow');
    const mentorships = ctx.get(MentorshipsService);
    expect(await mentorships.remind(id, '2026-08-01', '2026-08-15')).toEqual({ reminded: true, lastCheckin: null });
    expect(await mentorships.remind(id, '2026-08-01', '2026-08-15')).toEqual({ reminded: true, lastCheckin: null }); // a retry
    await ctx.call('POST', `/mentorships/${id}/check-ins`, street, { onDate: '2026-08-20', note: '跟岗一次', objectivesMet: [0, 1] });
    expect(await mentorships.remind(id, '2026-08-15', '2026-08-29')).toEqual({ reminded: false, lastCheckin: '2026-08-20' });
    const read = await ctx.call('GET', `/mentorships/${id}`, street);
    expect(read.body.reminders).toEqual(['2026-08-15']);
    expect(await mentorships.close(id)).toEqual({ objectivesMet: 2 });
    expect((await ctx.call('GET', `/mentorships/${id}`, street)).body.status).toBe('closed');
    expect((await ctx.call('POST', '/mentorships', street, plan({ startsOn: '2026-08-02', checkinEveryDays: 3 }))).body).toMatchObject({
      field: 'checkinEveryDays',
    });
  });

  it('TRAIN-9 TRAIN-2 a mentor short of three years is refused (422 naming mentorId, rule cited)', async () => {
    const res = await ctx.call('POST', '/mentorships', street, plan({ mentorId: junior }));
    expect(res).toMatchObject({ status: 422, body: { field: 'mentorId', details: { rule: 'TRAIN-9' } } });
  });

  it('bad input answers 4xx naming the field', async () => {
    const created = await ctx.call('POST', '/mentorships', street, plan({ startsOn: '2026-10-01' }));
    const cases: Array<[string, unknown, number, string]> = [
      ['/mentorships', plan({ objectives: [] }), 400, 'objectives'],
      ['/mentorships', plan({ endsOn: '2026-08-01' }), 400, 'endsOn'],
      ['/mentorships', plan({ menteeId: 'w-nobody' }), 404, 'menteeId'],
      [`/mentorships/${created.body.id}/check-ins`, { onDate: '2026-11-01', note: 'x', objectivesMet: [5] }, 400, 'objectivesMet.0'],
      [`/mentorships/${created.body.id}/check-ins`, { onDate: '2027-01-01', note: 'x', objectivesMet: [] }, 400, 'onDate'],
    ];
    for (const [url, body, status, field] of cases) {
      const res = await ctx.call('POST', url, street, body);
      expect([res.status, res.body.field]).toEqual([status, field]);
    }
  });
});
