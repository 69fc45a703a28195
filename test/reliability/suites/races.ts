/**
 * Races against the running services: same-version updates, one Idempotency-Key sent many times
 * at once, floating-quota loans racing for the last places (QUOTA-4), and the same event
 * delivered twice more to its consumer (talent-pool's worker-hired inbox, POOL-3). Each ends with
 * exactly one effect, and the losers get a clear 409/422, never a 5xx.
 */
import { Kafka, logLevel } from 'kafkajs';
import { TALENT_POOL_ENTRIES_TOPIC, TALENT_POOL_EVENT_TYPES, WORKER_HIRED_TOPIC } from '@cwp/contracts';
import { readEvents } from '@cwp/test-support';
import { eventually, type Tier } from '../support/tier';

const HIRE = {
  unitCode: '310101002001',
  birthDate: '1988-04-12',
  education: 'bachelor',
  major: 'social-work',
  entryRoute: 'recruited',
  role: 'staff',
  postLevel: 4,
  hiredOn: '2020-03-01',
};

export function racesSuite(tier: Tier): void {
  const statuses = (answers: Array<{ status: number }>) =>
    answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});

  it('30 updates with the same version at once: exactly one succeeds, 29 answer 409, one audit row', async () => {
    const hired = await tier.call('workforce', 'POST', '/workers', { token: 'district', body: { ...HIRE, name: `竞争${tier.run}` } });
    expect(hired.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_v, i) =>
        tier.call('workforce', 'PATCH', `/workers/${hired.body.id}`, {
          token: 'street',
          body: { version: hired.body.version, postLevel: 5 + (i % 10) },
          quiet: true,
        }),
      ),
    );
    tier.say(`30 × PATCH /workers/${hired.body.id} {version:${hired.body.version}} → ${JSON.stringify(statuses(answers))}`);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(29);
    const schema = tier.definition('workforce').schema(tier.run);
    const audit = await tier.sql<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.audit_log WHERE entity_id = $1 AND outcome = 'allowed' AND action <> 'create' AND action NOT LIKE 'hire%'`,
      [hired.body.id],
    );
    tier.say(`audit rows for the update: ${audit[0]!.n}`);
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it('one Idempotency-Key sent 20 times at once: one entry, every answer the same entry or 409 in progress', async () => {
    const body = {
      name: `幂等${tier.run}`,
      nationalId: tier.nationalId(),
      phone: tier.phone(),
      source: 'social-worker',
      education: 'bachelor',
      certificates: ['assistant-social-worker'],
      holdingUnit: '310101002',
    };
    const key = `rel-${tier.run}-idem`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        tier.call('talent-pool', 'POST', '/entries', { token: 'street', body, headers: { 'idempotency-key': key }, quiet: true }),
      ),
    );
    tier.say(`20 × POST /entries Idempotency-Key ${key} → ${JSON.stringify(statuses(answers))}`);
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    const rows = await tier.sql<{ n: string }>(
      `SELECT count(*) AS n FROM ${tier.definition('talent-pool').schema(tier.run)}.entries WHERE name = $1`,
      [body.name],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('QUOTA-4 floating loans racing for the last places: never more lent than held, losers 422', async () => {
    const before = await tier.call('workforce', 'GET', '/units/310101002/floating-quota/loans', { token: 'street' });
    expect(before.status).toBe(200);
    const available = before.body.balance.available as number;
    const attempts = available + 8;
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_v, i) =>
        tier.call('workforce', 'POST', '/units/310101002/floating-quota/loans', {
          token: 'street',
          body: { areaCode: i % 2 ? '310101002001' : '310101002002', amount: 1 },
          quiet: true,
        }),
      ),
    );
    const after = await tier.call('workforce', 'GET', '/units/310101002/floating-quota/loans', { token: 'street' });
    tier.say(
      `${attempts} loans of 1 racing for ${available} place(s) → ${JSON.stringify(statuses(answers))}; balance after ${JSON.stringify(after.body.balance)}`,
    );
    const granted = answers.filter((a) => a.status === 201).length;
    expect(granted).toBe(available);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 422 && a.body.code === 'FLOATING_QUOTA_EXHAUSTED')).toBe(true);
    expect(after.body.balance.available).toBe(0);
    expect(after.body.balance.lent - before.body.balance.lent).toBe(granted);
  });

  it('POOL-3 the same worker.hired event delivered three times joins the entry once, with one joined event', async () => {
    const nationalId = tier.nationalId();
    const entry = await tier.call('talent-pool', 'POST', '/entries', {
      token: 'street',
      body: {
        name: `重投${tier.run}`,
        nationalId,
        phone: tier.phone(),
        source: 'social-worker',
        education: 'bachelor',
        certificates: ['assistant-social-worker'],
        holdingUnit: '310101002',
      },
    });
    expect(entry.status).toBe(201);
    // The real producer: workforce hires the same person and publishes worker.hired (personRef only).
    const hired = await tier.call('workforce', 'POST', '/workers', {
      token: 'district',
      body: { ...HIRE, name: `重投${tier.run}`, nationalId, birthDate: undefined },
    });
    expect(hired.status).toBe(201);
    const [event] = await readEvents({ topic: WORKER_HIRED_TOPIC, filter: (e) => e.key === hired.body.id, count: 1, timeoutMs: 60_000 });
    await eventually(
      async () =>
        (await tier.call('talent-pool', 'GET', `/entries/${entry.body.id}`, { token: 'street', quiet: true })).body?.status === 'joined',
      60_000,
      'the entry to be joined',
    );
    // Deliver the very same message twice more, as a redelivery after a lost commit would.
    const kafka = new Kafka({ clientId: `rel-${tier.run}`, brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const sent = await producer.send({
      topic: WORKER_HIRED_TOPIC,
      messages: [
        { key: event!.key, value: event!.raw },
        { key: event!.key, value: event!.raw },
      ],
    });
    await producer.disconnect();
    tier.figures.events += 3;
    const schema = tier.definition('talent-pool').schema(tier.run);
    // Both copies went to the key's partition: wait until the consumer group has committed past
    // them there (other partitions may hold nothing this group ever committed).
    const partition = sent[0]!.partition;
    const past = BigInt(sent[0]!.baseOffset ?? '0') + 2n;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          const offsets = await admin.fetchOffsets({ groupId: `tp-rel-hired-${tier.run}`, topics: [WORKER_HIRED_TOPIC] });
          const committed = offsets[0]!.partitions.find((o) => o.partition === partition)?.offset ?? '-1';
          return BigInt(committed) >= past;
        },
        60_000,
        'talent-pool to consume the duplicates',
      );
    } finally {
      await admin.disconnect();
    }
    const inbox = await tier.sql<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.inbox WHERE event_id = $1`, [event!.value.id]);
    const joined = await readEvents({
      topic: TALENT_POOL_ENTRIES_TOPIC,
      filter: (e) => e.key === entry.body.id && e.value.type === TALENT_POOL_EVENT_TYPES.joined,
      until: () => false,
      timeoutMs: 8_000,
    }).catch((error: Error) => {
      // readEvents throws on timeout with what it collected; here the timeout is the point (no more than one arrives).
      const m = /collected (\d+) matching/.exec(error.message);
      return Array.from({ length: m ? Number(m[1]) : -1 });
    });
    tier.say(`worker.hired ${event!.value.id} delivered 3 times → inbox rows ${inbox[0]!.n}, joined events ${joined.length}`);
    expect(Number(inbox[0]!.n)).toBe(1);
    expect(joined).toHaveLength(1);
  });
}
