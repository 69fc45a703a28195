/**
 * Record tasks over HTTP on real PostgreSQL (APPR-5, EXIT-3): the street records when and by whom
 * an admonishment talk was held (audited, once), lists the tasks of its scope, and an exit notice
 * is decided, never marked done. The tasks are opened as the record workflow's `openTask` activity
 * opens them; Temporal is out of reach, so the after-commit signal is skipped (the row is the truth).
 */
import { randomUUID } from 'node:crypto';
import { appraisalConsequence } from '@cwp/policy';
import { principalOf, startAppraisalHttpApp, type AppraisalHttpApp } from '../testing';
import { RecordsService } from './records.service';

jest.setTimeout(60_000);

const STREET = '310105002';
const AREA = '310105002001';
const street = principalOf('street', STREET);
const district = principalOf('district', '310105');
const city = principalOf('city', '31');
const otherStreet = principalOf('street', '310105004');

let http: AppraisalHttpApp;
const workerId = randomUUID();
const talkId = randomUUID();
const noticeId = randomUUID();

beforeAll(async () => {
  http = await startAppraisalHttpApp('appr_records_it');
  await http.hire([{ workerId, unitCode: AREA, entryRoute: 'recruited' }]);
  const records = http.app.get(RecordsService);
  const talk = appraisalConsequence({ grade: 'unqualified', entryRoute: 'recruited' }).explanation;
  const notice = appraisalConsequence({ grade: 'unqualified', previousGrade: 'unqualified', entryRoute: 'recruited' }).explanation;
  await records.openTask({
    taskId: talkId,
    workerId,
    unitCode: AREA,
    kind: 'admonishment-talk',
    year: 2025,
    dueOn: '2026-04-30',
    explanation: talk,
  });
  await records.openTask({
    taskId: noticeId,
    workerId,
    unitCode: AREA,
    kind: 'exit-notice',
    year: 2026,
    dueOn: '2027-04-30',
    explanation: notice,
  });
});

afterAll(async () => {
  await http?.close();
});

const done = (taskId: string, principal = street, body: object = { heldOn: '2026-03-02', note: '已谈话' }) =>
  http.call('POST', `/records/${workerId}/tasks/${taskId}/done`, { principal, body });

describe('APPR-5 record tasks over HTTP', () => {
  it('the street lists the open tasks of its scope; another street sees none of them; the city sees them', async () => {
    const mine = await http.call('GET', '/tasks?open=true', { principal: street });
    expect(mine.status).toBe(200);
    expect(mine.body.map((t: { id: string }) => t.id).sort()).toEqual([talkId, noticeId].sort());
    expect(mine.body.find((t: { id: string }) => t.id === talkId).explanation.rules.map((r: { id: string }) => r.id)).toContain('APPR-5');
    const other = await http.call('GET', '/tasks?open=true', { principal: otherStreet });
    expect(other.body.filter((t: { workerId: string }) => t.workerId === workerId)).toEqual([]);
    expect((await http.call('GET', `/tasks?unit=${STREET}`, { principal: otherStreet })).status).toBe(404);
    const cityView = await http.call('GET', `/tasks?unit=${STREET}`, { principal: city });
    expect(cityView.body.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([talkId, noticeId]));
  });

  it('out of scope the talk is 404 (audited denial); the city may not mark it (403); nothing changes', async () => {
    expect((await done(talkId, otherStreet)).status).toBe(404);
    expect((await done(talkId, city)).status).toBe(403);
    const denied = await http.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1`, [
      otherStreet.sub,
    ]);
    expect(denied[0].n).toBeGreaterThan(0);
    expect((await http.ds.query(`SELECT status FROM record_tasks WHERE id = $1`, [talkId]))[0].status).toBe('open');
  });

  it('APPR-5 the street records when and by whom the admonishment talk was held, audited; a second time is 409 TASK_NOT_OPEN', async () => {
    const res = await done(talkId);
    expect(res).toMatchObject({ status: 200, body: { id: talkId, status: 'done', heldOn: '2026-03-02', doneBy: street.sub } });
    const audit = await http.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task-done' AND entity_id = $1`, [talkId]);
    expect(audit[0].n).toBe(1);
    expect(await done(talkId)).toMatchObject({ status: 409, body: { code: 'TASK_NOT_OPEN' } });
  });

  it('EXIT-3 an exit notice is decided (confirm or contest), not marked done: 400 on taskId; a hostile date is 400 on heldOn', async () => {
    expect(await done(noticeId)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'taskId' } });
    const hostile = await http.call('POST', `/records/${workerId}/tasks/${noticeId}/done`, {
      principal: district,
      body: { heldOn: "2026-02-30'; DROP TABLE record_tasks; --" },
    });
    expect(hostile.status).toBe(400);
    expect(JSON.stringify(hostile.body)).toContain('heldOn');
    expect((await http.ds.query(`SELECT status FROM record_tasks WHERE id = $1`, [noticeId]))[0].status).toBe('open');
  });
});
