/**
 * The webhooks access matrix over HTTP (issue 14; deny by default): subscriptions and deliveries
 * belong to city operators; district and street operators get 403 on every route; the `system`
 * role (an HR system's token) reads what a city operator reads, each read audited, and never
 * writes. On the real platform HTTP wiring and PostgreSQL; the fan-out's inbox never starts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditModule, InboxConsumer, KafkaJsSubscriber, createKafka, kafkaBrokersFrom, testing, type Principal } from '@cwp/platform';
import { webhooksConfig } from '../config';
import { SECRET_BOX, SecretBox, WebhooksCoreModule } from '../core';
import { DeliveriesModule } from '../deliveries';
import { webhooksTablesMigrations } from './migrations';
import { SubscriptionsModule } from './subscriptions.module';

jest.setTimeout(60_000);

const CITY: Principal = { sub: 'wh-city', role: 'city', unit: '31' };
const DISTRICT: Principal = { sub: 'wh-district', role: 'district', unit: '310101' };
const STREET: Principal = { sub: 'wh-street', role: 'street', unit: '310101002' };
const SYSTEM: Principal = { sub: `wh-system-${randomUUID()}`, role: 'system', unit: '31' };
const API = '/api/webhooks';

let ctx: testing.IntegrationContext;
let subscriptionId = '';

async function call(method: string, url: string, principal: Principal, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${ctx.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${await ctx.token(principal)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const subscription = () => ({
  name: 'HR access matrix',
  url: 'https://hr.example.org/hooks/cwp',
  eventTypes: ['cwp.workforce.worker.hired.v1'],
  unitScope: '310101',
});

beforeAll(async () => {
  process.env.WEBHOOKS_CONSUMER = `webhooks-access-it-${randomUUID()}`;
  ctx = await testing.createIntegrationContext({
    service: 'webhooks',
    schemaPrefix: 'webhooks_access_it',
    imports: [AuditModule, WebhooksCoreModule.forRoot(webhooksConfig.get()), SubscriptionsModule, DeliveriesModule],
    migrations: webhooksTablesMigrations,
    providers: [
      {
        provide: InboxConsumer,
        inject: [DataSource],
        // kafkajs connects on the first subscribe: this inbox is never started.
        useFactory: (ds: DataSource) =>
          new InboxConsumer(ds, new KafkaJsSubscriber(createKafka({ clientId: 'webhooks-access-it', brokers: kafkaBrokersFrom() }))),
      },
    ],
    override: (builder) => builder.overrideProvider(SECRET_BOX).useValue(new SecretBox(randomBytes(32))),
    listen: true,
  });
  const made = await call('POST', `${API}/subscriptions`, CITY, subscription());
  expect(made.status).toBe(201);
  subscriptionId = made.body.id;
});
afterAll(async () => {
  await ctx?.close();
});

type Expected = Partial<Record<'city' | 'district' | 'street' | 'system', number>>;
const PRINCIPALS = { city: CITY, district: DISTRICT, street: STREET, system: SYSTEM } as const;
const missing = '00000000-0000-4000-8000-000000000000';
// route, method, url, body, expected status per role: city everything, district and street nothing, system reads only.
const MATRIX: Array<[string, string, () => string, unknown, Expected]> = [
  ['list subscriptions', 'GET', () => `${API}/subscriptions`, undefined, { city: 200, district: 403, street: 403, system: 200 }],
  [
    'one subscription',
    'GET',
    () => `${API}/subscriptions/${subscriptionId}`,
    undefined,
    { city: 200, district: 403, street: 403, system: 200 },
  ],
  [
    'its deliveries',
    'GET',
    () => `${API}/subscriptions/${subscriptionId}/deliveries`,
    undefined,
    { city: 200, district: 403, street: 403, system: 200 },
  ],
  ['a missing delivery', 'GET', () => `${API}/deliveries/${missing}`, undefined, { city: 404, district: 403, street: 403, system: 404 }],
  ['subscribe', 'POST', () => `${API}/subscriptions`, subscription(), { city: 201, district: 403, street: 403, system: 403 }],
  ['replay a delivery', 'POST', () => `${API}/deliveries/${missing}/replay`, {}, { city: 404, district: 403, street: 403, system: 403 }],
  [
    'deactivate',
    'POST',
    () => `${API}/subscriptions/${subscriptionId}/deactivate`,
    {},
    { district: 403, street: 403, system: 403, city: 200 },
  ],
];

describe('webhooks access matrix (issue 14)', () => {
  it.each(MATRIX)('%s (%s)', async (_label, method, url, body, expected) => {
    // Roles in the order written: city's deactivate comes after the refusals.
    for (const [role, status] of Object.entries(expected) as Array<[keyof typeof PRINCIPALS, number]>) {
      const answer = await call(method, url(), PRINCIPALS[role], body);
      expect({ role, status: answer.status }).toEqual({ role, status });
    }
  });

  it('the system role never sees a secret, and each of its reads is in the audit trail', async () => {
    const one = await call('GET', `${API}/subscriptions/${subscriptionId}`, SYSTEM);
    expect(JSON.stringify(one.body)).not.toMatch(/secret/i);
    const [row] = (await ctx.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject = $1 AND role = 'system'`, [
      SYSTEM.sub,
    ])) as Array<{ n: number }>;
    expect(row!.n).toBeGreaterThanOrEqual(4);
  });

  it('the system role may not read the audit trail', async () => {
    expect((await call('GET', `${API}/audit`, SYSTEM)).status).toBe(403);
  });
});
