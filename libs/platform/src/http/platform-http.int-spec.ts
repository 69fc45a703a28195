// A small Nest app on the real platform wiring (PlatformHttpModule + configurePlatformApp), real
// HTTP on an ephemeral port and a real PostgreSQL schema of its own (ORG-2 jurisdiction, audit,
// idempotency, error shapes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Body, Controller, Get, Global, HttpCode, Module, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { auditMigrations } from '../audit/audit.migrations';
import { AuditTrail } from '../audit/audit-trail';
import { CurrentPrincipal, RequestId } from '../auth/current-principal.decorator';
import { Jurisdiction } from '../auth/jurisdiction';
import { mintLocalToken, type MintTokenInput } from '../auth/mint-token';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { validateAll, type PlatformConfig } from '../config/platform-config';
import * as testing from '../testing';
import { createTestDataSource, type TestDataSource } from '../testing';
import { ReadinessRegistry } from '../health/readiness-registry';
import { idempotencyMigrations } from '../idempotency/idempotency.migrations';
import { PlatformLogger } from '../logging/platform-logger';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { configurePlatformApp } from './bootstrap';
import { UuidPipe } from './uuid.pipe';
import { PlatformHttpModule } from './platform-http.module';
import { platformHttpAdapter } from './platform-adapter';

const directory = new OrgUnitDirectory([
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31' },
  { code: '310104', name: '徐汇区', kind: 'district', parent: '31' },
  { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101' },
  { code: '310104003', name: '天平路街道', kind: 'street', parent: '310104' },
]);

class CreateThingDto {
  @IsString() @Matches(/^\d{9}$/) unit!: string;
  @IsInt() @Min(1) @Max(2) years!: number;
}

// Holds a request open until the test releases it (no sleeps: the test polls, then releases).
const gate = { release: (): void => undefined, opened: Promise.resolve() };
function closeGate(): void {
  gate.opened = new Promise<void>((resolve) => (gate.release = resolve));
}

@Controller('things')
class ThingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
  ) {}

  @Get('boom')
  boom(): never {
    throw new Error('connection to postgres://cwp:hunter2@db failed at pool.ts:42');
  }

  @Roles('city')
  @Get('city-only')
  cityOnly(): { ok: true } {
    return { ok: true };
  }

  @Post('slow')
  async slow(@Body() body: Record<string, unknown>): Promise<{ done: true }> {
    await gate.opened;
    return { done: true, ...body } as { done: true };
  }

  @Post('bodyless')
  @HttpCode(200)
  bodyless(): { ok: true } {
    return { ok: true };
  }

  @Get('query-fails')
  async queryFails(): Promise<never> {
    // 23502 not-null violation: the driver error's detail quotes the row, its parameters the name.
    await this.dataSource.query('INSERT INTO thing (unit_code, years) VALUES ($1, NULL)', ['工人69002']);
    throw new Error('unreachable');
  }

  @Get('by-id/:thingId')
  byId(@Param('thingId', new UuidPipe({ entity: 'thing' })) thingId: string): { id: string } {
    return { id: thingId };
  }

  @Get(':unit/:id')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('unit') unit: string,
    @Param('id') id: string,
  ): Promise<{ id: string; unit: string }> {
    await this.jurisdiction.assertWithin(principal, unit, { entity: 'thing', entityId: id });
    return { id, unit };
  }

  @Post()
  async create(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @Body() dto: CreateThingDto,
  ): Promise<{ id: number; unit: string }> {
    await this.jurisdiction.assertUnitAccessible(principal, dto.unit, 'unit');
    return this.dataSource.transaction(async (em) => {
      const [row] = (await em.query('INSERT INTO thing (unit_code, years) VALUES ($1, $2) RETURNING id', [dto.unit, dto.years])) as Array<{
        id: number;
      }>;
      await this.audit.record(
        em,
        { action: 'create', entity: 'thing', entityId: String(row.id), after: { unit: dto.unit, years: dto.years } },
        principal,
        requestId,
      );
      return { id: row.id, unit: dto.unit };
    });
  }
}

describe('platform HTTP wiring (Nest test app over real HTTP)', () => {
  let app: NestFastifyApplication;
  let dataSource: TestDataSource;
  let base: string;
  let keyDir: string;
  let config: PlatformConfig;
  const logChunks: string[] = [];
  const logLines = (): Array<Record<string, unknown>> =>
    logChunks
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  const token = (input: MintTokenInput): Promise<string> => mintLocalToken(input, config.auth, directory);
  const call = async (
    method: string,
    url: string,
    opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
  };

  beforeAll(async () => {
    keyDir = mkdtempSync(path.join(tmpdir(), 'cwp-http-it-'));
    dataSource = await createTestDataSource({
      schemaPrefix: 'platform_http_it',
      migrations: [...auditMigrations, ...idempotencyMigrations],
    });
    await dataSource.query('CREATE TABLE thing (id serial PRIMARY KEY, unit_code text NOT NULL, years int NOT NULL)');
    config = validateAll({
      SERVICE_NAME: 'platform-test',
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      KAFKA_BROKERS: '127.0.0.1:1',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      AUTH_LOCAL_KEY_FILE: path.join(keyDir, 'key.json'),
    }).platform;

    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class TestDatabaseModule {}

    @Module({
      imports: [TestDatabaseModule, PlatformHttpModule.forRoot({ config, directory }), AuditModule],
      controllers: [ThingsController],
    })
    class TestAppModule {}

    const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logChunks.push(chunk.toString());
        done();
      },
    });
    app = moduleRef.createNestApplication<NestFastifyApplication>(platformHttpAdapter(), {
      logger: new PlatformLogger({ serviceName: 'platform-test', destination }),
    });
    configurePlatformApp(app, { serviceName: 'platform-test' });
    const registry = app.get(ReadinessRegistry);
    registry.register('database', async () => void (await dataSource.query('SELECT 1')));
    registry.register('kafka', async () => {
      throw new Error('broker 127.0.0.1:1 refused the connection');
    });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('/health answers without a token; /ready answers 503 naming the failing check', async () => {
    expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await call('GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.failing).toEqual(['kafka']);
    expect(ready.body.checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'database', status: 'up' })]));
  });

  it('a missing or invalid token answers 401 UNAUTHENTICATED with the request id', async () => {
    const missing = await call('GET', '/api/platform-test/things/310101002/1', { headers: { 'x-request-id': 'req-abc' } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(missing.body).toEqual({
      type: '/problems/UNAUTHENTICATED',
      title: 'Authentication required',
      status: 401,
      detail: 'Authentication required',
      instance: '/api/platform-test/things/310101002/1',
      code: 'UNAUTHENTICATED',
      message: 'Authentication required',
      requestId: 'req-abc',
    });
    expect(missing.headers.get('x-request-id')).toBe('req-abc');

    const invalid = await call('GET', '/api/platform-test/things/310101002/1', { token: 'eyJhbGciOiJub25lIn0.e30.' });
    expect(invalid.status).toBe(401);
    expect(invalid.body.code).toBe('UNAUTHENTICATED');

    const expired = await call('GET', '/api/platform-test/things/310101002/1', {
      token: await token({ role: 'street', unit: '310101002', ttl: '-10m' }),
    });
    expect(expired.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });
  });

  it('a validation error names every bad and unknown field (400 VALIDATION_FAILED)', async () => {
    const res = await call('POST', '/api/platform-test/things', {
      token: await token({ role: 'street', unit: '310101002' }),
      body: { unit: 'x', years: 5, colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'unit', 'years']);
    expect(typeof res.body.requestId).toBe('string');
  });

  it('errors are RFC 9457 problem details; the title follows Accept-Language (zh-CN for operators), the code stays', async () => {
    const res = await call('POST', '/api/platform-test/things', {
      token: await token({ role: 'street', unit: '310101002' }),
      body: { unit: 'x', years: 1 },
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8', 'x-request-id': 'zh-1' },
    });
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('zh-CN');
    expect(res.body).toMatchObject({
      type: '/problems/VALIDATION_FAILED',
      title: '请求内容校验未通过',
      status: 400,
      instance: '/api/platform-test/things',
      code: 'VALIDATION_FAILED',
      field: 'unit',
      requestId: 'zh-1',
    });
    const type = await call('GET', res.body.type);
    expect(type).toMatchObject({ status: 200, body: { code: 'VALIDATION_FAILED', status: 400, title: { 'zh-CN': '请求内容校验未通过' } } });
    // A raw-body refusal (before Nest's router) is a problem document too.
    const malformed = await call('POST', '/api/platform-test/things', {
      token: await token({ role: 'street', unit: '310101002' }),
      raw: '['.repeat(40) + ']'.repeat(40),
      headers: { 'accept-language': 'zh' },
    });
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(malformed.body).toMatchObject({ status: 400, title: '请求内容校验未通过', code: 'VALIDATION_FAILED', field: 'body' });
  });

  it('a JSON body over 100 kB answers 413 PAYLOAD_TOO_LARGE, to a client still uploading too; a text body is ignored', async () => {
    const street = await token({ role: 'street', unit: '310101002' });
    const oversize = await call('POST', '/api/platform-test/things', {
      token: street,
      raw: JSON.stringify({ unit: 'x'.repeat(110 * 1024) }),
    });
    expect(oversize).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' } });
    // Refused from its Content-Length, before it is read: the rest is drained, not cut off by a close,
    // so a client still sending megabytes gets the answer every time (not a reset).
    expect(oversize.headers.get('connection')).not.toBe('close');
    const large = JSON.stringify({ unit: 'x'.repeat(9 * 1024 * 1024) });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await call('POST', '/api/platform-test/things', { token: street, raw: large })).toMatchObject({ status: 413 });
    }
    // Not an API input: read within the limit and left out, so validation names the missing field.
    const text = await call('POST', '/api/platform-test/things', {
      token: street,
      headers: { 'content-type': 'text/plain' },
      raw: 'unit=1',
    });
    expect(text).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('malformed JSON answers 400 and an unknown route 404, in the same body shape', async () => {
    const street = await token({ role: 'street', unit: '310101002' });
    const malformed = await call('POST', '/api/platform-test/things', { token: street, raw: '{"unit": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      code: 'MALFORMED_REQUEST',
      message: 'Request body is not valid JSON',
      requestId: expect.any(String),
    });
    const badPath = await call('GET', '/api/platform-test/things/%E0%A4%A/1', { token: street });
    expect(badPath).toMatchObject({ status: 400, body: { code: 'MALFORMED_REQUEST', message: 'Request path is not validly encoded' } });
    // Refused by the router before any hook: still problem details, with the request id echoed.
    expect(badPath.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(badPath.headers.get('x-request-id')).toBe(badPath.body.requestId);
    const unknown = await call('GET', '/api/platform-test/nowhere', { token: street });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('an unexpected error answers 500 INTERNAL without internals', async () => {
    const res = await call('GET', '/api/platform-test/things/boom', { token: await token({ role: 'city', unit: '31' }) });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({
      code: 'INTERNAL',
      message: 'Internal error',
      detail: 'Internal error',
      requestId: expect.any(String),
    });
    expect(Object.keys(res.body).sort()).toEqual(['code', 'detail', 'instance', 'message', 'requestId', 'status', 'title', 'type']);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('ORG-2: an id in another unit answers 404 exactly like a missing one, and the denial is audited', async () => {
    const street = await token({ role: 'street', unit: '310101002', sub: 'alice' });
    const own = await call('GET', '/api/platform-test/things/310101002/7', { token: street });
    expect(own).toMatchObject({ status: 200, body: { id: '7', unit: '310101002' } });

    const foreign = await call('GET', '/api/platform-test/things/310104003/42', { token: street, headers: { 'x-request-id': 'deny-1' } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({
      type: '/problems/NOT_FOUND',
      title: 'Not found',
      status: 404,
      detail: 'thing 42 not found',
      instance: '/api/platform-test/things/310104003/42',
      code: 'NOT_FOUND',
      message: 'thing 42 not found',
      details: { entity: 'thing', id: '42' },
      requestId: 'deny-1',
    });

    const rows = (await dataSource.query(
      `SELECT subject, role, unit_code, outcome, entity, entity_id, request_id, reason FROM audit_log WHERE request_id = 'deny-1'`,
    )) as unknown[];
    expect(rows).toEqual([
      {
        subject: 'alice',
        role: 'street',
        unit_code: '310101002',
        outcome: 'denied',
        entity: 'thing',
        entity_id: '42',
        request_id: 'deny-1',
        reason: 'unit 310104003 outside scope 310101002',
      },
    ]);
  });

  it('every log line of a request carries its request id and caller (AsyncLocalStorage)', async () => {
    const street = await token({ role: 'street', unit: '310101002', sub: 'erin' });
    await call('GET', '/api/platform-test/things/310104003/43', { token: street, headers: { 'x-request-id': 'log-1' } });
    const lines = logLines().filter((l) => l.requestId === 'log-1');
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['access denied', 'request']));
    for (const line of lines) expect(line).toMatchObject({ service: 'platform-test', sub: 'erin', role: 'street', unit: '310101002' });
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({
      method: 'GET',
      status: 404,
      path: '/api/platform-test/things/310104003/43',
    });
  });

  it('a role the route does not allow answers 403 FORBIDDEN, and the refusal is audited', async () => {
    const res = await call('GET', '/api/platform-test/things/city-only', {
      token: await token({ role: 'district', unit: '310101', sub: 'dora' }),
      headers: { 'x-request-id': 'forbid-1' },
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const rows = (await dataSource.query(
      `SELECT subject, role, outcome, entity, entity_id, reason FROM audit_log WHERE request_id = 'forbid-1'`,
    )) as unknown[];
    expect(rows).toEqual([
      {
        subject: 'dora',
        role: 'district',
        outcome: 'denied',
        entity: 'route',
        entity_id: '/api/platform-test/things/city-only',
        reason: 'role district may not call it (needs city)',
      },
    ]);
    expect((await call('GET', '/api/platform-test/things/city-only', { token: await token({ role: 'city', unit: '31' }) })).status).toBe(
      200,
    );
  });

  it('Idempotency-Key: a retry replays the first answer and writes nothing twice; another body gets 422', async () => {
    const street = await token({ role: 'street', unit: '310101002', sub: 'bob' });
    const headers = { 'idempotency-key': 'create-thing-1' };
    const first = await call('POST', '/api/platform-test/things', { token: street, body: { unit: '310101002', years: 2 }, headers });
    expect(first.status).toBe(201);
    const retry = await call('POST', '/api/platform-test/things', { token: street, body: { years: 2, unit: '310101002' }, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');

    const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM thing WHERE id = $1`, [first.body.id])) as Array<{
      count: number;
    }>;
    expect(count).toBe(1);
    const audits = (await dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE entity = 'thing' AND entity_id = $1`, [
      String(first.body.id),
    ])) as Array<{ count: number }>;
    expect(audits[0].count).toBe(1);

    const reused = await call('POST', '/api/platform-test/things', { token: street, body: { unit: '310101002', years: 1 }, headers });
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('Idempotency-Key: a duplicate while the first is still running answers 409 IDEMPOTENCY_IN_PROGRESS', async () => {
    const street = await token({ role: 'street', unit: '310101002', sub: 'frank' });
    const headers = { 'idempotency-key': 'slow-1' };
    closeGate();
    const first = call('POST', '/api/platform-test/things/slow', { token: street, body: { n: 1 }, headers });
    await testing.eventually(
      async () => {
        const rows = (await dataSource.query(
          `SELECT 1 FROM idempotency_keys WHERE idem_key = 'slow-1' AND state = 'in_progress'`,
        )) as unknown[];
        return rows.length ? true : undefined;
      },
      10_000,
      'the first request to claim its key',
    );
    const duplicate = await call('POST', '/api/platform-test/things/slow', { token: street, body: { n: 1 }, headers });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_IN_PROGRESS' } });
    gate.release();
    expect(await first).toMatchObject({ status: 201, body: { done: true, n: 1 } });
    const replay = await call('POST', '/api/platform-test/things/slow', { token: street, body: { n: 1 }, headers });
    expect(replay).toMatchObject({ status: 201, body: { done: true, n: 1 } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('Idempotency-Key: a failed first attempt releases the key so a corrected retry runs', async () => {
    const street = await token({ role: 'street', unit: '310101002', sub: 'carol' });
    const headers = { 'idempotency-key': 'create-thing-2' };
    const outOfScope = await call('POST', '/api/platform-test/things', { token: street, body: { unit: '310104003', years: 1 }, headers });
    expect(outOfScope).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', field: 'unit' } });
    // Not 409 (still in progress) nor 422 (other body): the failed attempt left no key behind.
    const corrected = await call('POST', '/api/platform-test/things', { token: street, body: { unit: '310101002', years: 1 }, headers });
    expect(corrected).toMatchObject({ status: 201, body: { unit: '310101002' } });
  });

  it('city operators read the audit trail; other roles get 403', async () => {
    const city = await token({ role: 'city', unit: '31' });
    const res = await call('GET', '/api/platform-test/audit?entity=thing&pageSize=5', { token: city });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0]).toMatchObject({ entity: 'thing', outcome: expect.stringMatching(/allowed|denied/) });
    const denied = await call('GET', '/api/platform-test/audit?outcome=denied&subject=alice', { token: city });
    expect(denied.body.items.map((i: { entityId: string }) => i.entityId)).toEqual(['42']);
    const bad = await call('GET', '/api/platform-test/audit?pageSize=9999', { token: city });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'pageSize' })] },
    });
    expect((await call('GET', '/api/platform-test/audit', { token: await token({ role: 'district', unit: '310101' }) })).status).toBe(403);
  });

  it('serves OpenAPI at /docs-json with bearer auth declared, and Swagger UI at /docs', async () => {
    const doc = await call('GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/platform-test/audit']));
    // A path parameter checked by UuidPipe is documented as a UUID (schema-based tests know it).
    const byId = doc.body.paths['/api/platform-test/things/by-id/{thingId}'].get.parameters as Array<Record<string, any>>;
    expect(byId.filter((p) => p.name === 'thingId')).toEqual([
      expect.objectContaining({ in: 'path', schema: expect.objectContaining({ format: 'uuid' }) }),
    ]);
    expect((await fetch(`${base}/docs`)).status).toBe(200);
  });

  describe('hostile input is refused at the edge (issue 8)', () => {
    let street = '';
    beforeAll(async () => {
      street = await token({ role: 'street', unit: '310101002' });
    });

    it('a body nested 40,000 deep answers 400 naming the body, not a stack overflow', async () => {
      const res = await call('POST', '/api/platform-test/things', { token: street, raw: '['.repeat(40_000) + ']'.repeat(40_000) });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    });

    it('NUL in a body field, a path parameter or a query value answers 400 naming it; the path denial is not attempted', async () => {
      const body = await call('POST', '/api/platform-test/things', {
        token: street,
        body: { unit: '310101002', years: 1, note: 'a\u0000b' },
      });
      expect(body.status).toBe(400);
      expect(body.body.errors).toEqual([{ field: 'note', problem: 'note must not contain control characters' }]);
      const pathParam = await call('GET', '/api/platform-test/things/%00/1', { token: street });
      expect(pathParam.status).toBe(400);
      expect(pathParam.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unit' });
    });

    it('invalid UTF-8 and prototype keys answer 400; nothing is polluted', async () => {
      const bytes = Buffer.concat([Buffer.from('{"unit":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","years":1}')]);
      const utf8 = await fetch(`${base}/api/platform-test/things`, {
        method: 'POST',
        headers: { authorization: `Bearer ${street}`, 'content-type': 'application/json' },
        body: bytes,
      });
      expect(utf8.status).toBe(400);
      const proto = await call('POST', '/api/platform-test/things', {
        token: street,
        raw: '{"unit":"310101002","years":1,"__proto__":{"polluted":true}}',
      });
      expect(proto.status).toBe(400);
      expect(proto.body.field).toBe('__proto__');
      const ctor = await call('POST', '/api/platform-test/things', {
        token: street,
        raw: '{"unit":"310101002","years":1,"constructor":{"prototype":{"polluted":true}}}',
      });
      expect(ctor.body.field).toBe('constructor');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a route that takes no body refuses one, naming each field; an empty body passes', async () => {
      const refused = await call('POST', '/api/platform-test/things/bodyless', { token: street, body: { amount: 5 } });
      expect(refused.status).toBe(400);
      expect(refused.body.field).toBe('amount');
      expect((await call('POST', '/api/platform-test/things/bodyless', { token: street })).status).toBe(200);
    });

    it('a failed query logs its SQLSTATE, never the row it quotes nor its parameters (defect 8)', async () => {
      const res = await call('GET', '/api/platform-test/things/query-fails', { token: street });
      expect(res.status).toBe(500);
      const logged = logChunks.join('');
      expect(logged).toContain('23502');
      expect(logged).not.toContain('工人69002');
      expect(logged).not.toContain('Failing row');
    });
  });
});
