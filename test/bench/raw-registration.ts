/**
 * The raw registration (issue 15 goal 2's second baseline): the least a reserve-entry registration
 * has to do, written directly on node:http, pg, kafkajs and the Temporal client, in its own process.
 * It does the same work as the service's POST /entries, and nothing else: verify the bearer token
 * (jose, verified tokens kept until expiry, as the platform does), check the body's fields, encrypt
 * the national ID and phone (AES-256-GCM) with a keyed person reference (HMAC), write the entry,
 * its audit row and its outbox event in ONE statement that also NOTIFYs, start the entry's workflow
 * with the same input and search attributes, mark the start, answer 201; and a relay that, woken by
 * the NOTIFY, takes and marks the unpublished events in one statement and sends them to Kafka
 * before its COMMIT. No framework, validation library, logs, metrics, traces or audit context.
 *
 * Set beside the service and the no-op start, it splits goal 2's gap into what any implementation
 * on this machine pays (the row, the event, the start) and what the platform adds.
 */
import { createCipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { jwtVerify, type JWTPayload } from 'jose';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient, Pool, type PoolClient } from 'pg';
import {
  authConfigSchema,
  authSettings,
  CWP_SEARCH_ATTRIBUTES,
  ensureTopics,
  loadConfig,
  loadOrCreateLocalSigningKey,
  withStackEnv,
} from '@cwp/platform';
import { freePort } from '@cwp/test-support';
import { forkServer } from './http-load';

const SCHEMA_SQL = (schema: string): string => `
  CREATE SCHEMA ${schema};
  CREATE TABLE ${schema}.entries (
    id uuid PRIMARY KEY, status text NOT NULL, holding_unit text NOT NULL, source text NOT NULL,
    education text NOT NULL, certificates text[] NOT NULL, name text NOT NULL,
    national_id_enc bytea NOT NULL, phone_enc bytea NOT NULL, person_ref text NOT NULL,
    registered_on date NOT NULL, expires_on date NOT NULL, expires_at timestamptz NOT NULL,
    workflow_started_at timestamptz, created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
  CREATE UNIQUE INDEX ON ${schema}.entries (person_ref, holding_unit) WHERE status = 'active';
  CREATE TABLE ${schema}.audit (id bigserial PRIMARY KEY, actor text NOT NULL, action text NOT NULL,
    entity_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE ${schema}.outbox (seq bigserial PRIMARY KEY, topic text NOT NULL, message_key text NOT NULL,
    envelope jsonb NOT NULL, published_at timestamptz);
  CREATE INDEX ON ${schema}.outbox (seq) WHERE published_at IS NULL;`;

const FIELDS = ['name', 'nationalId', 'phone', 'source', 'education', 'holdingUnit'] as const;

class BadRequest extends Error {
  readonly status = 400;
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  for (const field of FIELDS) if (typeof body[field] !== 'string') throw new BadRequest(`${field} is required`);
  if (!/^\d{17}[\dX]$/.test(body.nationalId as string)) throw new BadRequest('nationalId is not a national ID');
  if (!/^1\d{10}$/.test(body.phone as string)) throw new BadRequest('phone is not a mobile number');
  return body;
}

function encrypt(key: Buffer, text: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

/** The relay: one transaction per wake, its events taken and marked in one statement, sent before COMMIT. */
function startRelay(pool: Pool, schema: string, send: (messages: Array<{ key: string; value: string }>) => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const drain = async (): Promise<void> => {
    if (running) return void (again = true);
    running = true;
    const client: PoolClient = await pool.connect();
    try {
      do {
        again = false;
        await client.query('BEGIN');
        const { rows } = await client.query<{ message_key: string; envelope: string }>(
          `UPDATE ${schema}.outbox o SET published_at = now()
             FROM (SELECT seq FROM ${schema}.outbox WHERE published_at IS NULL ORDER BY seq LIMIT 500 FOR UPDATE SKIP LOCKED) b
            WHERE o.seq = b.seq RETURNING o.message_key, o.envelope::text AS envelope`,
        );
        if (rows.length) await send(rows.map((r) => ({ key: r.message_key, value: r.envelope })));
        await client.query('COMMIT');
        if (rows.length === 500) again = true;
      } while (again);
    } catch (error) {
      await client.query('ROLLBACK'); // the events stay unpublished: the next wake sends them
      throw error;
    } finally {
      client.release();
      running = false;
    }
  };
  return () => void drain().catch((error: unknown) => console.error('raw relay', error));
}

async function serve(port: number, schema: string, taskQueue: string, topic: string): Promise<void> {
  const env = withStackEnv(process.env);
  const settings = authSettings(loadConfig(authConfigSchema, env), env);
  const { publicKey } = await loadOrCreateLocalSigningKey(settings.localKeyFile);
  const verified = new Map<string, JWTPayload>();
  const piiKey = randomBytes(32);
  const refKey = randomBytes(32);
  const pool = new Pool({ connectionString: env.TEST_DATABASE_URL, max: 16 });
  await pool.query(SCHEMA_SQL(schema));
  const kafka = new Kafka({ clientId: 'raw-registration', brokers: env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, [topic]);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const relay = startRelay(pool, schema, (messages) => producer.send({ topic, acks: -1, messages }));
  const listener = new PgClient({ connectionString: env.TEST_DATABASE_URL });
  await listener.connect();
  listener.on('notification', relay);
  await listener.query(`LISTEN raw_outbox_${schema}`);
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! });
  const temporal = new TemporalClient({ connection, namespace: env.TEMPORAL_NAMESPACE ?? 'default' });

  const register = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw Object.assign(new Error('no token'), { status: 401 });
    let claims = verified.get(token);
    if (!claims || (claims.exp ?? 0) * 1000 <= Date.now()) {
      claims = (await jwtVerify(token, publicKey, { issuer: settings.issuer, audience: settings.audience })).payload;
      verified.set(token, claims);
    }
    const body = await bodyOf(req);
    const id = randomUUID();
    const registeredOn = new Date().toISOString().slice(0, 10);
    const expiresAt = new Date(Date.now() + 365 * 86_400_000);
    const expiresOn = expiresAt.toISOString().slice(0, 10);
    const envelope = JSON.stringify({
      id: randomUUID(),
      type: 'cwp.talent-pool.entry.created.v1',
      time: new Date().toISOString(),
      data: { entryId: id, holdingUnit: body.holdingUnit, source: body.source, registeredOn, expiresOn },
    });
    const { rows } = await pool.query(
      `WITH entry AS (
         INSERT INTO ${schema}.entries (id, status, holding_unit, source, education, certificates, name,
           national_id_enc, phone_enc, person_ref, registered_on, expires_on, expires_at, created_by)
         VALUES ($1, 'active', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING RETURNING id),
       audit AS (INSERT INTO ${schema}.audit (actor, action, entity_id) SELECT $13, 'entry.register', id FROM entry),
       event AS (INSERT INTO ${schema}.outbox (topic, message_key, envelope) SELECT $14, $1, $15 FROM entry)
       SELECT id, pg_notify('raw_outbox_${schema}', '') FROM entry`,
      [
        id,
        body.holdingUnit,
        body.source,
        body.education,
        body.certificates ?? [],
        body.name,
        encrypt(piiKey, body.nationalId as string),
        encrypt(piiKey, body.phone as string),
        createHmac('sha256', refKey)
          .update(body.nationalId as string)
          .digest('base64url'),
        registeredOn,
        expiresOn,
        expiresAt,
        claims.sub,
        topic,
        envelope,
      ],
    );
    if (rows.length === 0) throw Object.assign(new Error('duplicate'), { status: 409 });
    await temporal.workflow.start('noopWorkflow', {
      taskQueue,
      workflowId: `raw-registration-${id}`,
      args: [{ entryId: id, holdingUnit: body.holdingUnit, registeredOn, expiresOn, expiresAt: expiresAt.toISOString(), reminderDays: 30 }],
      typedSearchAttributes: [
        { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: body.holdingUnit as string },
        { key: CWP_SEARCH_ATTRIBUTES.entityId, value: id },
        { key: CWP_SEARCH_ATTRIBUTES.expiresAt, value: expiresAt },
      ],
    });
    await pool.query(`UPDATE ${schema}.entries SET workflow_started_at = now() WHERE id = $1`, [id]);
    return { id, status: 'active', holdingUnit: body.holdingUnit, registeredOn, expiresOn };
  };

  const server = createServer((req, res) => {
    register(req).then(
      (entry) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(entry)),
      (error: { status?: number; message?: string }) =>
        res.writeHead(error instanceof SyntaxError ? 400 : (error.status ?? 500)).end(String(error.message)),
    );
  });
  server.listen(port, '127.0.0.1', () => process.send!('listening'));
}

/** The raw registration in its own process (for its own CPU figure); `stop` ends it. */
export async function startRawRegistration(
  schema: string,
  taskQueue: string,
  topic: string,
): Promise<{ baseUrl: string; pid: number; stop(): void }> {
  const port = await freePort();
  const server = await forkServer(__filename, ['--serve', String(port), schema, taskQueue, topic], 'raw registration');
  return { baseUrl: `http://127.0.0.1:${port}`, ...server };
}

/**
 * Proof that the raw path did all of its work, not less: `expected` entries, every one with its
 * start marked, and every event published (the relay may still be sending the last ones: waits up
 * to 30 s for it). Then drops the schema.
 */
export async function checkRawRegistrations(schema: string, expected: number): Promise<void> {
  const pg = new PgClient({ connectionString: withStackEnv(process.env).TEST_DATABASE_URL });
  await pg.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await pg.query<{ entries: number; started: number; unpublished: number }>(
        `SELECT (SELECT count(*)::int FROM ${schema}.entries) AS entries,
                (SELECT count(workflow_started_at)::int FROM ${schema}.entries) AS started,
                (SELECT count(*)::int FROM ${schema}.outbox WHERE published_at IS NULL) AS unpublished`,
      );
      const { entries, started, unpublished } = rows[0]!;
      if (entries === expected && started === expected && unpublished === 0) break;
      if (Date.now() > deadline)
        throw new Error(
          `raw registration short of its work: ${entries}/${expected} entries, ${started} started, ${unpublished} unpublished`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await pg.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await pg.end();
  }
}

if (process.argv[2] === '--serve') {
  const [port, schema, taskQueue, topic] = process.argv.slice(3);
  serve(Number(port), schema!, taskQueue!, topic!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
