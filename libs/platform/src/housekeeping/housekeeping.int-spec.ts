// Housekeeping on real PostgreSQL (issue 9 §3): old published outbox rows, old inbox rows,
// expired idempotency keys and old replayed dead letters go; everything still needed stays.
import { platformMigrations } from '../migrations';
import { createTestDataSource, eventually, type TestDataSource } from '../testing';
import { ServiceMetrics } from '../metrics/service-metrics';
import { sampleValue } from '../metrics/prometheus-text';
import { HousekeepingService } from './housekeeping.service';

jest.setTimeout(60_000);

const retention = { outbox: 7, inbox: 30, deadLetters: 90 };

async function seed(ds: TestDataSource): Promise<void> {
  const outbox = (id: string, created: string, published: string | null) =>
    ds.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, created_at, published_at)
       VALUES (gen_random_uuid(), 't', $1, 'x', '{}'::jsonb, now() - $2::interval, now() - $3::interval)`,
      [id, created, published],
    );
  await outbox('published-10d', '10 days', '10 days');
  await outbox('published-1d', '1 day', '1 day');
  await outbox('unpublished-30d', '30 days', null);
  const inbox = (id: string, age: string) =>
    ds.query("INSERT INTO inbox (consumer, event_id, event_type, topic, received_at) VALUES ('c', $1, 'x', 't', now() - $2::interval)", [
      id,
      age,
    ]);
  await inbox('inbox-40d', '40 days');
  await inbox('inbox-1d', '1 day');
  const idem = (key: string, expiresIn: string) =>
    ds.query(
      "INSERT INTO idempotency_keys (subject, idem_key, request_hash, method, path, state, expires_at) VALUES ('s', $1, 'h', 'POST', '/p', 'completed', now() + $2::interval)",
      [key, expiresIn],
    );
  await idem('idem-expired', '-1 hour');
  await idem('idem-live', '23 hours');
  const dead = (id: string, deadAge: string, replayedAge: string | null) =>
    ds.query(
      `INSERT INTO dead_letters (consumer, topic, kafka_partition, kafka_offset, event_id, event_type, envelope, error, attempts, dead_at, replayed_at)
       VALUES ('c', 't', 0, $1, $2, 'x', '{}'::jsonb, 'e', 3, now() - $3::interval, now() - $4::interval)`,
      [Math.floor(Math.random() * 1e9), id, deadAge, replayedAge],
    );
  await dead('dead-replayed-100d', '100 days', '100 days');
  await dead('dead-pending-100d', '100 days', null);
  await dead('dead-replayed-1d', '2 days', '1 day');
}

const remaining = async (ds: TestDataSource) => ({
  outbox: ((await ds.query('SELECT message_key FROM outbox ORDER BY message_key')) as Array<{ message_key: string }>).map(
    (r) => r.message_key,
  ),
  inbox: ((await ds.query('SELECT event_id FROM inbox ORDER BY event_id')) as Array<{ event_id: string }>).map((r) => r.event_id),
  idempotency: ((await ds.query('SELECT idem_key FROM idempotency_keys ORDER BY idem_key')) as Array<{ idem_key: string }>).map(
    (r) => r.idem_key,
  ),
  deadLetters: ((await ds.query('SELECT event_id FROM dead_letters ORDER BY event_id')) as Array<{ event_id: string }>).map(
    (r) => r.event_id,
  ),
});

describe('housekeeping (real PostgreSQL)', () => {
  let ds: TestDataSource;

  beforeEach(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'housekeeping_it', migrations: platformMigrations });
    await seed(ds);
  });

  afterEach(async () => ds?.destroy());

  it('purges only rows past their retention, keeping unpublished outbox rows and pending dead letters', async () => {
    const metrics = new ServiceMetrics();
    const counts = await new HousekeepingService(ds, { retention, intervalMs: 0 }, metrics).runOnce();
    expect(counts).toEqual({ outbox: 1, inbox: 1, idempotency_keys: 1, dead_letters: 1 });
    expect(await remaining(ds)).toEqual({
      outbox: ['published-1d', 'unpublished-30d'],
      inbox: ['inbox-1d'],
      idempotency: ['idem-live'],
      deadLetters: ['dead-pending-100d', 'dead-replayed-1d'],
    });
    const text = await metrics.registry.metrics();
    expect(sampleValue(text, 'cwp_housekeeping_purged_rows_total', { table: 'outbox' })).toBe(1);
  });

  it('runs on its timer from bootstrap and stops on shutdown', async () => {
    const service = new HousekeepingService(ds, { retention, intervalMs: 100 });
    service.onApplicationBootstrap();
    try {
      await eventually(async () => ((await remaining(ds)).inbox.length === 1 ? true : undefined), 10_000, 'timer pass');
    } finally {
      await service.beforeApplicationShutdown();
    }
    expect((await remaining(ds)).outbox).toEqual(['published-1d', 'unpublished-30d']);
  });

  it('skips a pass while another instance of the service holds the lock', async () => {
    const holder = ds.createQueryRunner();
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [0x63777033]);
      expect(await new HousekeepingService(ds, { retention, intervalMs: 0 }).runOnce()).toBe('busy');
      expect((await remaining(ds)).inbox).toHaveLength(2);
    } finally {
      await holder.query('SELECT pg_advisory_unlock_all()');
      await holder.release();
    }
  });
});
