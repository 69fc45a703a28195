/**
 * The talent-pool service as a real process (built dist/main.js, or src/main.ts through swc-node)
 * on the real PostgreSQL (E2E database, a schema of its own), Kafka and Temporal dev server:
 * HTTP in, events out, workflows started. Build first (`npx tsc -b`); the workflow bundle is made fresh here.
 */
import { createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import {
  OrgUnitDirectory,
  authConfigSchema,
  buildWorkflowBundle,
  authSettings,
  findPersonalData,
  fromRepoRoot,
  loadConfig,
  mintLocalToken,
  testing,
  withStackEnv,
  type Role,
} from '@cwp/platform';
import { TALENT_POOL_ENTRIES_TOPIC, TALENT_POOL_EVENT_TYPES, workerHiredContract } from '@cwp/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { startServiceProcess, type ServiceProcess, readEvents } from '@cwp/test-support';

const ROOT = path.resolve(__dirname, '../..');
const run = randomBytes(4).toString('hex');
const schema = `tp_e2e_${run}`;
const taskQueue = `tp-e2e-${run}`;

let service: ServiceProcess;
let startService: () => Promise<ServiceProcess>;
let piiKey: Buffer;
/** Output of service processes already stopped (the restart test replaces `service`). */
let earlierOutput = '';
let temporal: Connection;
let client: Client;
const tokens: Record<'street' | 'otherStreet' | 'city', string> = { street: '', otherStreet: '', city: '' };
const STREET = '310104003';
const OTHER_STREET = '310101002';

/** The platform's one national-ID builder: consecutive numbers, never a random draw (no collisions). */
const nationalId = (): string => testing.newNationalId({ birthDate: '19920315' });
const phone = (): string => `139${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;

async function api(
  method: string,
  url: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${service.baseUrl}/api/talent-pool${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '孙八',
    nationalId: nationalId(),
    phone: phone(),
    source: 'social-worker',
    education: 'junior-college',
    certificates: ['assistant-social-worker'],
    holdingUnit: STREET,
    ...overrides,
  };
}

beforeAll(async () => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl || !process.env.TEMPORAL_ADDRESS || !process.env.KAFKA_BROKERS) {
    throw new Error('E2E_DATABASE_URL, TEMPORAL_ADDRESS and KAFKA_BROKERS must be set (run `bash infra/local/stack.sh up`)');
  }
  const built = path.join(ROOT, 'apps/talent-pool/dist/main.js');
  // A fresh prebuilt bundle of the built workflow code (the production path), so a stale
  // dist/workflow-bundle.js from an earlier build can never be what this run tests.
  const bundle = path.join(tmpdir(), `tp-e2e-${run}-workflow-bundle.js`);
  const workflows = path.join(ROOT, 'workflows/talent-pool/dist/index.js');
  if (existsSync(workflows)) await buildWorkflowBundle(workflows, bundle);
  piiKey = randomBytes(32);
  const pii = piiKey.toString('hex');
  startService = () =>
    startServiceProcess({
      name: 'talent-pool',
      entry: existsSync(built) ? built : 'apps/talent-pool/src/main.ts',
      env: {
        DATABASE_URL: databaseUrl,
        TALENT_POOL_DB_SCHEMA: schema,
        TALENT_POOL_TASK_QUEUE: taskQueue,
        TALENT_POOL_HIRED_CONSUMER: `tp-e2e-hired-${run}`,
        TALENT_POOL_WORKFLOW_BUNDLE: existsSync(bundle) ? bundle : undefined,
        TALENT_POOL_RECONCILE_SECONDS: '0',
        PII_ENCRYPTION_KEY: pii,
        NODE_ENV: 'e2e',
        LOG_LEVEL: 'info',
      },
    });
  service = await startService();

  const env = withStackEnv(process.env);
  const settings = authSettings(loadConfig(authConfigSchema, env), env);
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const mint = (role: Role, unit: string) => mintLocalToken({ role, unit, sub: `e2e-${role}-${unit}` }, settings, directory);
  tokens.street = await mint('street', STREET);
  tokens.otherStreet = await mint('street', OTHER_STREET);
  tokens.city = await mint('city', '31');

  temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection: temporal, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
}, 150_000);

afterAll(async () => {
  const exit = await service?.stop();
  if (exit?.forced || (exit?.code ?? 0) !== 0)
    console.warn(`talent-pool did not stop cleanly (${JSON.stringify(exit)}):\n${service.output().slice(-3000)}`);
  if (client) {
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
      await client.workflow
        .getHandle(wf.workflowId)
        .terminate('e2e finished')
        .catch(() => undefined);
    }
  }
  await temporal?.close();
  const pg = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pg.end();
  rmSync(path.join(tmpdir(), `tp-e2e-${run}-workflow-bundle.js`), { force: true });
}, 60_000);

describe('talent-pool end to end', () => {
  const registered: Array<{ id: string; nationalId: string; phone: string }> = [];
  let joinedId = '';
  const joinedIds: string[] = [];

  it('registers an entry: 201, national ID and phone masked, POOL-2 explanation and expiresOn', async () => {
    const body = registration({ reservePeriodMonths: 12 });
    const response = await api('POST', '/entries', tokens.street, body);
    expect(response.status).toBe(201);
    const entry = response.body;
    registered.push({ id: entry.id, nationalId: body.nationalId as string, phone: body.phone as string });
    expect(entry).toMatchObject({ status: 'active', holdingUnit: STREET, source: 'social-worker', reservePeriod: { months: 12 } });
    expect(entry.nationalIdMasked).toBe(`${(body.nationalId as string).slice(0, 4)}**********${(body.nationalId as string).slice(14)}`);
    expect(entry.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
    expect(JSON.stringify(entry)).not.toContain(body.nationalId as string);
    expect(JSON.stringify(entry)).not.toContain(body.phone as string);
    expect(entry.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(entry.reservePeriod.explanation.rules.map((r: { id: string }) => r.id)).toContain('POOL-2');
  });

  it('a duplicate (same person, same unit, still active) answers 409', async () => {
    const first = registration();
    const a = await api('POST', '/entries', tokens.street, first);
    expect(a.status).toBe(201);
    registered.push({ id: a.body.id, nationalId: first.nationalId as string, phone: first.phone as string });
    const b = await api('POST', '/entries', tokens.street, { ...first, name: '同一人' });
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ code: 'DUPLICATE', field: 'nationalId' });
  });

  it('a bad national ID answers 400 naming the field; a bad period names reservePeriodMonths', async () => {
    const id = nationalId();
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const bad = await api('POST', '/entries', tokens.street, registration({ nationalId: wrongCheck }));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'nationalId' });
    expect(JSON.stringify(bad.body)).not.toContain(wrongCheck);
    const period = await api('POST', '/entries', tokens.street, registration({ reservePeriodMonths: 30 }));
    expect(period.status).toBe(400);
    expect(period.body.field).toBe('reservePeriodMonths');
  });

  it('Idempotency-Key: a retried registration returns the first answer without a second entry', async () => {
    const body = registration();
    const key = `e2e-${randomUUID()}`;
    const first = await api('POST', '/entries', tokens.street, body, { 'Idempotency-Key': key });
    const retry = await api('POST', '/entries', tokens.street, body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    registered.push({ id: first.body.id, nationalId: body.nationalId as string, phone: body.phone as string });
  });

  it('get and list work within scope; another street gets 404 and does not see it; the city sees it', async () => {
    const id = registered[0]!.id;
    expect((await api('GET', `/entries/${id}`, tokens.street)).status).toBe(200);
    const outside = await api('GET', `/entries/${id}`, tokens.otherStreet);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('NOT_FOUND');
    expect((await api('GET', `/entries/${id}`, tokens.city)).status).toBe(200);

    const mine = await api('GET', `/entries?status=active&unit=${STREET}&page=1&pageSize=100`, tokens.street);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThanOrEqual(registered.length);
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(registered.map((r) => r.id)));
    const theirs = await api('GET', '/entries?page=1&pageSize=100', tokens.otherStreet);
    expect(theirs.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
  });

  it('ORG-2 a unit filter outside the scope answers 404 naming unit (also the whole city); a malformed code answers 400', async () => {
    for (const unit of [OTHER_STREET, '31']) {
      const outside = await api('GET', `/entries?unit=${unit}`, tokens.street);
      expect(outside.status).toBe(404);
      expect(outside.body).toMatchObject({ code: 'NOT_FOUND', field: 'unit' });
    }
    for (const unit of ['3101049', 'abc', '31010400300']) {
      const invalid = await api('GET', `/entries?unit=${unit}`, tokens.street);
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unit' });
    }
    expect((await api('GET', `/entries?unit=${STREET}`, tokens.street)).status).toBe(200);
  });

  it('GET /audit: city operators read the trail, the refused unit filter included; other roles get 403', async () => {
    const denied = await api('GET', `/audit?entity=org_unit&entityId=${OTHER_STREET}&outcome=denied`, tokens.city);
    expect(denied.status).toBe(200);
    expect(denied.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'denied', action: 'list', subject: `e2e-street-${STREET}` })]),
    );
    const created = await api('GET', `/audit?entity=talent_pool_entry&entityId=${registered[0]!.id}`, tokens.city);
    expect(created.body.items).toEqual([expect.objectContaining({ outcome: 'allowed', action: 'create' })]);
    expect(JSON.stringify(created.body)).not.toContain(registered[0]!.nationalId);
    expect((await api('GET', '/audit', tokens.street)).status).toBe(403);
  });

  it('POOL-3 join: status joined, personal data erased, the workflow ends as joined', async () => {
    joinedId = registered[1]!.id;
    joinedIds.push(joinedId);
    const response = await api('POST', `/entries/${joinedId}/join`, tokens.street, { workerId: 'w-e2e-1' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'joined', joinRoute: 'api', name: null, nationalIdMasked: null, phoneMasked: null });
    const result = await client.workflow.getHandle(`talent-pool-entry:${joinedId}`).result();
    expect(result).toMatchObject({ status: 'joined', endedBy: 'signal' });
  });

  it('the workflow of an active entry runs on the service task queue with its search attributes', async () => {
    const id = registered[0]!.id;
    const description = await client.workflow.getHandle(`talent-pool-entry:${id}`).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe(taskQueue);
    expect(description.type).toBe('talentPoolEntryWorkflow');
    expect(description.searchAttributes).toMatchObject({ CwpUnitCode: [STREET], CwpEntityId: [id] });
  });

  it('a restart loses nothing: entries, their workflows and the join endpoint work as before', async () => {
    const id = registered[2]!.id;
    const exit = await service.stop();
    earlierOutput += service.output();
    expect(exit.forced).toBe(false);
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    service = await startService();
    const entry = await api('GET', `/entries/${id}`, tokens.street);
    expect(entry.body).toMatchObject({ id, status: 'active', nationalIdMasked: expect.stringContaining('****') });
    const joined = await api('POST', `/entries/${id}/join`, tokens.street, {});
    expect(joined.body.status).toBe('joined');
    expect(await client.workflow.getHandle(`talent-pool-entry:${id}`).result()).toMatchObject({ status: 'joined', endedBy: 'signal' });
    joinedIds.push(id);
  });

  it('POOL-3 a cwp.workforce.worker.hired.v1 event on Kafka naming the person (personRef) joins the entry', async () => {
    const body = registration();
    const created = await api('POST', '/entries', tokens.street, body);
    expect(created.status).toBe(201);
    registered.push({ id: created.body.id, nationalId: body.nationalId as string, phone: body.phone as string });
    // The contract's derivation, computed independently here: HMAC-SHA256 under the HKDF sub-key.
    const refKey = Buffer.from(hkdfSync('sha256', piiKey, Buffer.alloc(0), 'cwp.person-ref.v1', 32));
    const personRef = createHmac('sha256', refKey)
      .update(`cwp.person-ref.v1:${body.nationalId as string}`)
      .digest('hex');
    const workerId = `w-e2e-${run}`;
    const kafka = new Kafka({ clientId: `tp-e2e-${run}`, brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const event = {
        id: randomUUID(),
        source: '/cwp/workforce',
        type: workerHiredContract.type,
        specversion: '1.0',
        time: new Date().toISOString(),
        subject: workerId,
        data: { workerId, unitCode: STREET, personRef, hiredOn: created.body.registeredOn, entryRoute: 'recruited', postCategory: 'staff' },
      };
      await producer.send({ topic: workerHiredContract.topic, acks: -1, messages: [{ key: workerId, value: JSON.stringify(event) }] });
    } finally {
      await producer.disconnect();
    }
    const deadline = Date.now() + 30_000;
    let entry = (await api('GET', `/entries/${created.body.id}`, tokens.street)).body;
    while (entry.status !== 'joined' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      entry = (await api('GET', `/entries/${created.body.id}`, tokens.street)).body;
    }
    expect(entry).toMatchObject({ status: 'joined', joinRoute: 'worker-hired-event', joinedWorkerId: workerId });
    joinedIds.push(created.body.id);
    expect(await client.workflow.getHandle(`talent-pool-entry:${created.body.id}`).result()).toMatchObject({
      status: 'joined',
      endedBy: 'signal',
    });
  });

  it('publishes registered and joined events keyed by entry id, with no national ID or phone in any', async () => {
    const ids = new Set(registered.map((r) => r.id));
    const expected = registered.length + joinedIds.length; // one registered each, plus the joins
    const events = await readEvents({
      topic: TALENT_POOL_ENTRIES_TOPIC,
      filter: (e) => e.key !== null && ids.has(e.key),
      count: expected,
      timeoutMs: 60_000,
    });
    for (const event of events) {
      expect(event.key).toBe(event.value.subject);
      expect(event.key).toBe(event.value.data?.entryId);
      expect(findPersonalData(event.value)).toBeUndefined();
      for (const person of registered) {
        expect(event.raw).not.toContain(person.nationalId);
        expect(event.raw).not.toContain(person.phone);
      }
    }
    const byType = (type: string) =>
      events
        .filter((e) => e.value.type === type)
        .map((e) => e.key)
        .sort();
    expect(byType(TALENT_POOL_EVENT_TYPES.registered)).toEqual([...ids].sort());
    expect(byType(TALENT_POOL_EVENT_TYPES.joined)).toEqual([...joinedIds].sort());
  });

  it('the service logs never contain a national ID or phone number it was given', () => {
    const logs = earlierOutput + service.output();
    expect(logs.length).toBeGreaterThan(0);
    for (const person of registered) {
      expect(logs).not.toContain(person.nationalId);
      expect(logs).not.toContain(person.phone);
    }
  });
});
