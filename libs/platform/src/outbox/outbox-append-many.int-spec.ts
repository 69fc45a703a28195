// OutboxWriter.appendMany on the real PostgreSQL: many events of one contract, one INSERT … SELECT
// FROM unnest per chunk, in the caller's transaction, each event checked like a single append.
import { defineEventContract, type CloudEvent, type EventContract } from '@cwp/contracts';
import { ErrorCode } from '../errors';
import { createTestDataSource, uniqueName, type TestDataSource } from '../testing';
import { newNationalId } from '../testing/national-id';
import { initTracing, platformTracer } from '../tracing/tracing';
import { outboxMigrations } from './outbox.migrations';
import { OUTBOX_BATCH_ROWS, OutboxWriter } from './outbox-writer';

interface Touched {
  n: number;
  note?: string;
}

jest.setTimeout(60_000);

const service = uniqueName('it-outbox-many');
const contract: EventContract<Touched> = defineEventContract<Touched>({
  type: `cwp.${service}.thing.touched.v1`,
  topic: `cwp.${service}.things`,
  schema: {
    type: 'object',
    properties: { n: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
    required: ['n'],
    additionalProperties: false,
  },
});
const undeclared = defineEventContract<Touched>({ type: `cwp.${service}.other.touched.v1`, topic: `cwp.${service}.others`, schema: {} });

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: CloudEvent<Touched>;
  trace_context: Record<string, string> | null;
}

describe('OutboxWriter.appendMany (real PostgreSQL)', () => {
  let ds: TestDataSource;
  let writer: OutboxWriter;

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'outbox_many_it', migrations: outboxMigrations });
    writer = new OutboxWriter(service, [contract]);
  }, 30_000);

  afterEach(async () => {
    await ds.query('TRUNCATE outbox');
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const rows = async (): Promise<OutboxRow[]> => (await ds.query('SELECT * FROM outbox ORDER BY seq')) as OutboxRow[];
  const events = (count: number, from = 0): Array<{ key: string; data: Touched }> =>
    Array.from({ length: count }, (_, i) => ({ key: `thing-${(from + i) % 7}`, data: { n: from + i } }));

  it('appends more events than one statement takes, in the given order, as the envelopes a single append writes', async () => {
    const count = OUTBOX_BATCH_ROWS * 2 + 17;
    const time = new Date('2027-01-02T01:00:00.000Z');
    const appended = await ds.transaction(async (em) => {
      const n = await writer.appendMany(em, contract, events(count), time);
      await writer.append(em, { contract, key: 'single', data: { n: count }, time });
      return n;
    });
    expect(appended).toBe(count);
    const stored = await rows();
    expect(stored).toHaveLength(count + 1);
    expect(stored.map((r) => r.envelope.data.n)).toEqual(Array.from({ length: count + 1 }, (_, i) => i));
    expect(new Set(stored.map((r) => r.event_id)).size).toBe(count + 1);
    const [first, single] = [stored[0]!, stored[count]!];
    expect(first).toMatchObject({ topic: contract.topic, event_type: contract.type, message_key: 'thing-0', trace_context: null });
    expect(first.envelope).toEqual({
      id: first.event_id,
      source: `/cwp/${service}`,
      type: contract.type,
      specversion: '1.0',
      time: '2027-01-02T01:00:00.000Z',
      subject: 'thing-0',
      datacontenttype: 'application/json',
      data: { n: 0 },
    });
    // Same shape as the single append's envelope, key for key.
    expect(Object.keys(first.envelope)).toEqual(Object.keys(single.envelope));
    expect(stored[count - 1]!.message_key).toBe(`thing-${(count - 1) % 7}`);
  });

  it('keeps newlines, quotes, backslashes and Chinese text inside the data exactly (the envelopes travel as one joined text)', async () => {
    const notes = ['第一行\n第二行', 'a "quoted" \\ back\\slash', '\r\n\t{}[],:', ''];
    await ds.transaction((em) =>
      writer.appendMany(
        em,
        contract,
        notes.map((note, n) => ({ key: `note-${n}`, data: { n, note } })),
      ),
    );
    expect((await rows()).map((r) => r.envelope.data.note)).toEqual(notes);
  });

  it('validates and stores the JSON form, like append: a Date becomes its ISO string, an undefined field goes', async () => {
    const at = new Date('2027-01-02T03:04:05.000Z');
    await ds.transaction((em) =>
      writer.appendMany(em, contract, [
        { key: 'dated', data: { n: 1, note: at as unknown as string } },
        { key: 'plain', data: { n: 2, note: undefined } },
      ]),
    );
    expect((await rows()).map((r) => r.envelope.data)).toEqual([{ n: 1, note: '2027-01-02T03:04:05.000Z' }, { n: 2 }]);
  });

  it('writes nothing when one event breaks its contract, and names the field', async () => {
    const batch: Array<{ key: string; data: Touched }> = events(50);
    batch[37] = { key: 'thing-bad', data: { n: -1 } };
    const error = await ds.transaction((em) => writer.appendMany(em, contract, batch)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'data.n' });
    expect(await rows()).toHaveLength(0);
  });

  it('refuses a national ID or phone number in any event, naming the path, never the value', async () => {
    const batch: Array<{ key: string; data: Touched }> = events(10);
    batch[4] = { key: 'thing-4', data: { n: 4, note: 'call 13800138000' } };
    const error = await ds.transaction((em) => writer.appendMany(em, contract, batch)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'data.note' });
    expect((error as Error).message).not.toContain('13800138000');
    const subject = await ds
      .transaction((em) => writer.appendMany(em, contract, [{ key: newNationalId(), data: { n: 1 } }]))
      .catch((e: unknown) => e);
    expect(subject).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'subject' });
    expect(await rows()).toHaveLength(0);
  });

  it('commits with the caller: a rollback after the append leaves no event', async () => {
    await expect(
      ds.transaction(async (em) => {
        await writer.appendMany(em, contract, events(20));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toHaveLength(0);
  });

  it('refuses to run outside a transaction, an undeclared contract, and an empty key; an empty batch writes nothing', async () => {
    await expect(writer.appendMany(ds.manager, contract, events(1))).rejects.toThrow(/inside dataSource.transaction/);
    await expect(ds.transaction((em) => writer.appendMany(em, undeclared, events(1)))).rejects.toThrow(/not among the contracts/);
    await expect(ds.transaction((em) => writer.appendMany(em, contract, [{ key: '', data: { n: 1 } }]))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'key',
    });
    expect(await ds.transaction((em) => writer.appendMany(em, contract, []))).toBe(0);
    expect(await rows()).toHaveLength(0);
  });

  it("keeps the caller's trace context on every row (the relay sends it as Kafka headers)", async () => {
    initTracing('outbox-append-many-it');
    const traceId = await platformTracer().startActiveSpan('batch', async (span) => {
      try {
        await ds.transaction((em) => writer.appendMany(em, contract, events(3)));
        return span.spanContext().traceId;
      } finally {
        span.end();
      }
    });
    const stored = await rows();
    expect(stored).toHaveLength(3);
    for (const row of stored) expect(row.trace_context?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });
});
