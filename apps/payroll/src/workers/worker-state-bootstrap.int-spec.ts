/**
 * Bootstrap of the pay projection for a new deployment over REAL Kafka and PostgreSQL: the
 * workforce's compacted `cwp.workforce.worker-state` topic, read from the beginning through the
 * inbox (consumer PAYROLL_WORKER_STATE_CONSUMER), inserts the workers the projection lacks and
 * brings known ones up to a newer state; a stale state is a recorded miss; a `hired` event that
 * arrives after the bootstrap changes nothing; the reconciliation report accounts for every row and
 * compares each row field by field with the newest state seen for its worker.
 */
import { randomUUID } from 'node:crypto';
import { KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import {
  WORKER_STATE_EVENT_TYPE,
  WORKFORCE_WORKERS_TOPIC,
  WORKFORCE_WORKER_STATE_TOPIC,
  type CloudEvent,
  type WorkerStateData,
} from '@cwp/contracts';
import { CITY, newHired, startPayrollTestApp, type PayrollTestApp } from '../testing';

jest.setTimeout(90_000);

let app: PayrollTestApp;
let publisher: KafkaJsPublisher;

function stateOf(workerId: string, overrides: Partial<WorkerStateData> = {}): CloudEvent<WorkerStateData> {
  return {
    id: randomUUID(),
    source: '/cwp/workforce',
    type: WORKER_STATE_EVENT_TYPE,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: workerId,
    data: {
      workerId,
      unitCode: '310101002001',
      status: 'on-duty',
      entryRoute: 'recruited',
      postCategory: 'staff',
      postLevel: 4,
      postRole: null,
      title: null,
      role: 'staff',
      education: 'bachelor',
      hiredOn: '2017-03-01',
      exitedOn: null,
      exitCause: null,
      version: 1,
      updatedAt: new Date().toISOString(),
      ...overrides,
    },
  };
}

const publish = (topic: string, events: Array<CloudEvent<{ workerId: string }>>): Promise<void> =>
  publisher.publish(
    topic,
    events.map((e) => ({ key: e.data.workerId, value: JSON.stringify(e) })),
  );

const rowOf = async (workerId: string) =>
  (
    (await app.ds.query(
      'SELECT status, post_level, workforce_version, projected_from, exited_on IS NOT NULL AS exited FROM pay_workers WHERE worker_id = $1',
      [workerId],
    )) as Array<Record<string, unknown>>
  )[0];

beforeAll(async () => {
  app = await startPayrollTestApp({
    schemaPrefix: 'payroll_state_it',
    settings: { workerStateConsumer: testing.uniqueName('payroll-worker-state-it') },
  });
  const kafka = createKafka({ clientId: testing.uniqueName('payroll-state-pub'), brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [WORKFORCE_WORKER_STATE_TOPIC, WORKFORCE_WORKERS_TOPIC]);
  publisher = new KafkaJsPublisher(kafka);
}, 120_000);

afterAll(async () => {
  await publisher?.disconnect();
  await app?.close();
});

describe('pay projection bootstrap from the worker-state topic', () => {
  const [onDuty, exited, moved] = ['bs-a', 'bs-b', 'bs-c'].map((p) => `${p}-${randomUUID().slice(0, 8)}`) as [string, string, string];

  it('inserts unknown workers, keeps the newest state, records a stale one, and a later hire changes nothing', async () => {
    const first = stateOf(onDuty, { version: 3 });
    await publish(WORKFORCE_WORKER_STATE_TOPIC, [
      first,
      first,
      stateOf(exited, { status: 'exited', exitedOn: '2026-06-30', exitCause: 'contract-ended', version: 5 }),
      stateOf(moved, { postLevel: 6, version: 2 }),
      stateOf(moved, { postLevel: 2, version: 1 }),
    ]);
    // A new deployment: the consumers join after the topic was written, and read it from the beginning.
    await app.inbox.start();
    // Each worker is its own key (partition): wait until all three are handled, each in its own order.
    await testing.eventually(
      async () => {
        const [n] = (await app.ds.query(
          `SELECT (SELECT count(*) FROM pay_workers WHERE worker_id = ANY($1))::int AS rows,
                  (SELECT count(*) FROM projection_misses WHERE worker_id = $2)::int AS misses`,
          [[onDuty, exited, moved], moved],
        )) as Array<{ rows: number; misses: number }>;
        return n!.rows === 3 && n!.misses === 1 ? true : undefined;
      },
      60_000,
      'the three workers bootstrapped and the stale state of C recorded',
    );
    expect(await rowOf(onDuty)).toEqual({ status: 'on-duty', post_level: 4, workforce_version: 3, projected_from: 'state', exited: false });
    expect(await rowOf(exited)).toMatchObject({ status: 'exited', workforce_version: 5, exited: true });
    expect(await rowOf(moved)).toMatchObject({ post_level: 6, workforce_version: 2 });
    const [miss] = (await app.ds.query('SELECT event_type, reason FROM projection_misses WHERE worker_id = $1', [moved])) as Array<
      Record<string, string>
    >;
    expect(miss).toEqual({ event_type: WORKER_STATE_EVENT_TYPE, reason: 'stale-state' });

    // The workers topic still carries the hire: applied after the bootstrap, it changes nothing.
    const hire = newHired({ workerId: onDuty, postLevel: 1 });
    await publish(WORKFORCE_WORKERS_TOPIC, [hire]);
    await testing.eventually(
      async () => {
        const rows = (await app.ds.query('SELECT reason FROM projection_misses WHERE event_id = $1', [hire.id])) as unknown[];
        return rows.length === 1 ? rows[0] : undefined;
      },
      60_000,
      'the hire after the bootstrap recorded as already projected',
    );
    expect(await rowOf(onDuty)).toMatchObject({ post_level: 4, workforce_version: 3 });
  });

  it('the reconciliation report accounts for the rows bootstrapped from state beside those the events built', async () => {
    // The consumers may still be reading the stack's topics from the beginning: wait for the report
    // to settle (it reads the inbox and the rows in two queries), then check what it says.
    const report = await testing.eventually(
      async () => {
        const res = await app.call('GET', '/api/payroll/workers/reconciliation', { principal: CITY });
        return res.status === 200 && res.body.consistent ? res : undefined;
      },
      30_000,
      'a settled reconciliation report',
    );
    const [counts] = (await app.ds.query(
      "SELECT count(*)::int AS workers, count(*) FILTER (WHERE projected_from = 'state')::int AS state FROM pay_workers",
    )) as Array<{ workers: number; state: number }>;
    expect(report.body).toMatchObject({ consistent: true, discrepancies: [], projection: { workers: counts!.workers } });
    expect(report.body.bootstrap.inserted).toBe(counts!.state);
    expect(report.body.bootstrap.inserted).toBeGreaterThanOrEqual(3);
    expect(report.body.bootstrap.stale).toBeGreaterThanOrEqual(1);
    expect(report.body.bootstrap.consumed).toBe(report.body.bootstrap.applied + report.body.bootstrap.stale);
    expect(report.body.applied.hired + report.body.bootstrap.inserted).toBe(counts!.workers);
  });

  it('field by field: a row changed outside the consumers is named against its worker-state', async () => {
    const reconcile = async () => (await app.call('GET', '/api/payroll/workers/reconciliation', { principal: CITY })).body;
    const before = await reconcile();
    expect(before.fields).toMatchObject({ missing: 0, behind: 0 });
    expect(before.fields.compared).toBeGreaterThanOrEqual(2); // A and B, at their state's version (C's row is newer than its stale state)
    expect(Object.values(before.fields.differing).every((n) => n === 0)).toBe(true);

    await app.ds.query('UPDATE pay_workers SET post_level = 9, unit_code = $2 WHERE worker_id = $1', [onDuty, '310104003001']);
    try {
      const after = await reconcile();
      expect(after.consistent).toBe(false);
      expect(after.fields).toMatchObject({ differing: { postLevel: 1, unitCode: 1, status: 0 }, sample: [onDuty] });
      expect(after.discrepancies).toEqual(
        expect.arrayContaining([
          `postLevel differs from the worker-state topic for 1 workers at the same version (e.g. ${onDuty})`,
          `unitCode differs from the worker-state topic for 1 workers at the same version (e.g. ${onDuty})`,
        ]),
      );
    } finally {
      await app.ds.query('UPDATE pay_workers SET post_level = 4, unit_code = $2 WHERE worker_id = $1', [onDuty, '310101002001']);
    }
    expect((await reconcile()).consistent).toBe(true);
  });
});
