/**
 * The pay projection over REAL Kafka and PostgreSQL: workforce events published on
 * `cwp.workforce.workers` reach the projection through the inbox, a redelivered event changes
 * nothing twice, a stale one is recorded as a miss, and the reconciliation report adds up. Reads
 * are scoped (ORG-2): outside the caller's subtree a worker answers 404 and the denial is audited.
 */
import { KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import { WORKFORCE_WORKERS_TOPIC, type CloudEvent } from '@cwp/contracts';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { changedOf, exitedOf, newHired, transferredOf } from '../testing';

jest.setTimeout(90_000);

let app: PayrollTestApp;
let publisher: KafkaJsPublisher;

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_workers_it' });
  const kafka = createKafka({ clientId: testing.uniqueName('payroll-it-pub'), brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [WORKFORCE_WORKERS_TOPIC]);
  publisher = new KafkaJsPublisher(kafka);
  await app.inbox.start();
}, 120_000);

afterAll(async () => {
  await publisher?.disconnect();
  await app?.close();
});

async function publish(...events: Array<CloudEvent<{ workerId: string }>>): Promise<void> {
  await publisher.publish(
    WORKFORCE_WORKERS_TOPIC,
    events.map((e) => ({ key: e.data.workerId, value: JSON.stringify(e) })),
  );
}

const rowOf = async (workerId: string) =>
  (
    (await app.ds.query(
      "SELECT unit_code, status, post_level, title, to_char(hired_on, 'YYYY-MM-DD') AS hired_on, workforce_version FROM pay_workers WHERE worker_id = $1",
      [workerId],
    )) as Array<Record<string, unknown>>
  )[0];

describe('pay projection of the workforce (POST-1, PAY-2) through the inbox', () => {
  const a = newHired({ unitCode: '310101002001', postLevel: 3 });
  const b = newHired({ unitCode: '310104003001', postCategory: 'manager', postLevel: 5, title: 'intermediate', hiredOn: '2012-09-01' });

  it('projects hired, changed, transferred and exited facts once each, even when redelivered', async () => {
    const changedA = changedOf(a.data, { postLevel: 4, title: 'junior', changedFields: ['postLevel', 'title'] });
    const staleA = changedOf(a.data, { postLevel: 9, version: 1 });
    const moveB = transferredOf(b.data, '310104003002', 2);
    const exitB = exitedOf({ ...b.data, unitCode: '310104003002' }, 3);
    await publish(a, a, b, changedA, changedA, staleA, moveB, exitB);

    await testing.eventually(
      async () => ((await rowOf(b.data.workerId))?.status === 'exited' ? true : undefined),
      60_000,
      'the exit of B in the projection',
    );
    await testing.eventually(
      async () => ((await rowOf(a.data.workerId))?.workforce_version === 2 ? true : undefined),
      30_000,
      'the change of A',
    );
    expect(await rowOf(a.data.workerId)).toEqual({
      unit_code: '310101002001',
      status: 'on-duty',
      post_level: 4,
      title: 'junior',
      hired_on: '2018-03-01',
      workforce_version: 2,
    });
    expect(await rowOf(b.data.workerId)).toMatchObject({
      unit_code: '310104003002',
      status: 'exited',
      post_level: 5,
      title: 'intermediate',
      hired_on: '2012-09-01',
    });
    // Other suites of this stack may have published on the topic before (the group reads from the beginning).
    // The stale change comes after the real one on A's partition: wait for its verdict, not for a time.
    const misses = await testing.eventually(
      async () => {
        const rows = (await app.ds.query('SELECT event_id, reason FROM projection_misses WHERE worker_id = ANY($1)', [
          [a.data.workerId, b.data.workerId],
        ])) as Array<{ event_id: string; reason: string }>;
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      'the stale change of A to be recorded',
    );
    expect(misses).toEqual([{ event_id: staleA.id, reason: 'unknown-or-stale' }]);
    expect(await rowOf(a.data.workerId)).toMatchObject({ post_level: 4, workforce_version: 2 });
  });

  it('the reconciliation report matches the projection to the events consumed (city only)', async () => {
    const report = await app.call('GET', '/api/payroll/workers/reconciliation', { principal: CITY });
    expect(report.status).toBe(200);
    const [counts] = (await app.ds.query(
      "SELECT count(*)::int AS workers, count(*) FILTER (WHERE status = 'exited')::int AS exited FROM pay_workers",
    )) as Array<{ workers: number; exited: number }>;
    expect(report.body).toMatchObject({
      consistent: true,
      projection: { workers: counts!.workers, exited: counts!.exited },
      discrepancies: [],
    });
    expect(report.body.consumed.hired).toBeGreaterThanOrEqual(2);
    expect(report.body.consumed.changed).toBeGreaterThanOrEqual(2);
    expect(report.body.applied.hired).toBe(counts!.workers);
    expect((await app.call('GET', '/api/payroll/workers/reconciliation', { principal: principalOf('district', '310101') })).status).toBe(
      403,
    );

    // A row written outside the consumer is named.
    await app.ds.query(
      "INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on) VALUES ('stray', '310101002', 'on-duty', 'recruited', 'staff', 1, '2020-01-01')",
    );
    const broken = await app.call('GET', '/api/payroll/workers/reconciliation', { principal: CITY });
    expect(broken.body.consistent).toBe(false);
    expect(broken.body.discrepancies).toEqual([
      `${counts!.workers} hired events applied but ${counts!.workers + 1} workers in the projection`,
    ]);
    await app.ds.query("DELETE FROM pay_workers WHERE worker_id = 'stray'");
  });

  it('ORG-2: a worker outside the caller’s scope answers 404 like a missing one, and the denial is audited', async () => {
    const id = a.data.workerId;
    expect((await app.call('GET', `/api/payroll/workers/${id}`, { principal: CITY })).body).toMatchObject({
      workerId: id,
      postLevel: 4,
      title: 'junior',
      hiredOn: '2018-03-01',
    });
    expect((await app.call('GET', `/api/payroll/workers/${id}`, { principal: principalOf('district', '310101') })).status).toBe(200);
    expect((await app.call('GET', `/api/payroll/workers/${id}`, { principal: principalOf('street', '310101002') })).status).toBe(200);
    const outside = principalOf('street', '310104003');
    const denied = await app.call('GET', `/api/payroll/workers/${id}`, { principal: outside });
    const missing = await app.call('GET', '/api/payroll/workers/no-such-worker', { principal: outside });
    expect([denied.status, missing.status]).toEqual([404, 404]);
    expect(denied.body.code).toBe(missing.body.code);
    const [audit] = (await app.ds.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1 AND entity_id = $2",
      [outside.sub, id],
    )) as Array<{ n: number }>;
    expect(audit!.n).toBe(1);
  });
});
