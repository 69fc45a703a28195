import { Client } from 'pg';
import { defineEventContract } from '@cwp/contracts';
import { AuditTrail } from '../audit/audit-trail';
import { platformMigrations } from '../migrations';
import { OUTBOX_NOTIFY_CHANNEL } from '../outbox/outbox.options';
import { OutboxWriter } from '../outbox/outbox-writer';
import { createTestDataSource, type TestDataSource } from '../testing';
import { insertTogether } from './insert-together';

const principal = { sub: 'operator-7', role: 'street', unit: '310104003' } as const;
const contract = defineEventContract<{ id: string }>({
  type: 'cwp.test.gadget.made.v1',
  topic: 'cwp.test.gadgets',
  schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false },
});

describe('insertTogether: a row, its audit row and its event in one statement (real PostgreSQL)', () => {
  let ds: TestDataSource;
  const audit = new AuditTrail();
  const outbox = new OutboxWriter('test', [contract]);

  const gadget = (id: string, owner: string) => ({
    sql: 'INSERT INTO gadgets (id, owner, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id',
    params: [id, owner, `gadget of ${owner}`],
  });
  const followers = (id: string) => [
    audit.changeRow(
      { action: 'create', entity: 'gadget', entityId: id, after: { label: 'g', note: 'call 13912345678' } },
      principal,
      'req-1',
    ),
    outbox.eventRow({ contract, key: id, data: { id } }).row,
  ];
  const countsOf = async (id: string) =>
    (
      (await ds.query(
        `SELECT (SELECT count(*) FROM gadgets WHERE id = $1)::int AS gadgets,
                (SELECT count(*) FROM audit_log WHERE entity_id = $1::text)::int AS audits,
                (SELECT count(*) FROM outbox WHERE message_key = $1::text)::int AS events`,
        [id],
      )) as Array<{ gadgets: number; audits: number; events: number }>
    )[0];

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'together_it', migrations: platformMigrations });
    await ds.query('CREATE TABLE gadgets (id uuid PRIMARY KEY, owner text NOT NULL, name text NOT NULL, UNIQUE (owner))');
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('writes the three rows, typed as `record` and `append` write them, and wakes the relays on commit', async () => {
    const listener = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await listener.connect();
    const woken = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));
    await listener.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    try {
      const id = '5a4c4a3e-0b1f-4c59-9d0e-0f3f0c7e0a01';
      await expect(insertTogether(ds, gadget(id, 'a'), followers(id))).resolves.toBe(true);
      expect(await countsOf(id)).toEqual({ gadgets: 1, audits: 1, events: 1 });
      const [row] = (await ds.query('SELECT request_id, subject, outcome, changed_fields, after FROM audit_log WHERE entity_id = $1', [
        id,
      ])) as Array<Record<string, unknown>>;
      // The same row `record` writes: redacted free text (a name would be masked), changed fields as text[], after as jsonb.
      expect(row).toEqual({
        request_id: 'req-1',
        subject: 'operator-7',
        outcome: 'allowed',
        changed_fields: ['label', 'note'],
        after: { label: 'g', note: expect.not.stringContaining('13912345678') },
      });
      const [event] = (await ds.query('SELECT topic, event_type, envelope FROM outbox WHERE message_key = $1', [id])) as Array<{
        topic: string;
        event_type: string;
        envelope: { data: unknown; subject: string };
      }>;
      expect(event).toMatchObject({ topic: contract.topic, event_type: contract.type, envelope: { data: { id }, subject: id } });
      await expect(woken).resolves.toBe(ds.schema);
    } finally {
      await listener.end();
    }
  });

  it('writes nothing that follows when the first row is skipped (ON CONFLICT DO NOTHING), and says so', async () => {
    const first = '5a4c4a3e-0b1f-4c59-9d0e-0f3f0c7e0a02';
    const second = '5a4c4a3e-0b1f-4c59-9d0e-0f3f0c7e0a03';
    await insertTogether(ds, gadget(first, 'b'), followers(first));
    await expect(insertTogether(ds, gadget(second, 'b'), followers(second))).resolves.toBe(false);
    expect(await countsOf(second)).toEqual({ gadgets: 0, audits: 0, events: 0 });
    expect(await countsOf(first)).toEqual({ gadgets: 1, audits: 1, events: 1 });
  });

  it('is atomic without a transaction: a following row that fails takes the first row with it', async () => {
    const id = '5a4c4a3e-0b1f-4c59-9d0e-0f3f0c7e0a04';
    const [auditRow, eventRow] = followers(id);
    const broken = { ...eventRow!, columns: eventRow!.columns.map((c) => (c.name === 'envelope' ? { ...c, value: '{not json' } : c)) };
    await expect(insertTogether(ds, gadget(id, 'c'), [auditRow!, broken])).rejects.toThrow(/json/i);
    expect(await countsOf(id)).toEqual({ gadgets: 0, audits: 0, events: 0 });
  });

  it('runs inside a caller transaction too, and rolls back with it', async () => {
    const id = '5a4c4a3e-0b1f-4c59-9d0e-0f3f0c7e0a05';
    await expect(
      ds.transaction(async (em) => {
        await insertTogether(em, gadget(id, 'd'), followers(id));
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await countsOf(id)).toEqual({ gadgets: 0, audits: 0, events: 0 });
  });
});
