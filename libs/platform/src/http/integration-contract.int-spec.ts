// Issue 14's HTTP contract on the real platform wiring (PlatformHttpModule + configurePlatformApp),
// real HTTP and a real PostgreSQL schema: the system role reads (audited) and never writes, ETag /
// If-Match over the row version, zh-CN labels by Accept-Language.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Body, Controller, Get, Global, Module, Param, Patch, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { auditMigrations } from '../audit/audit.migrations';
import { mintLocalToken, type MintTokenInput } from '../auth/mint-token';
import { Roles } from '../auth/roles.decorator';
import { validateAll, type PlatformConfig } from '../config/platform-config';
import { updateWithVersion } from '../database/update-with-version';
import { DomainError } from '../errors/domain-error';
import { idempotencyMigrations } from '../idempotency/idempotency.migrations';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { createTestDataSource, type TestDataSource } from '../testing';
import { configurePlatformApp } from './bootstrap';
import { IfMatchVersion } from './if-match';
import { PlatformHttpModule } from './platform-http.module';
import { platformHttpAdapter } from './platform-adapter';

jest.setTimeout(60_000);

const directory = new OrgUnitDirectory([
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31' },
  { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101' },
]);

class RenameNoteDto {
  @IsOptional() @IsInt() @Min(1) version?: number;
  @IsString() text!: string;
}

class NoteActionDto {
  @IsString() text!: string;
}

@Controller('notes')
@Roles('city', 'district', 'street')
class NotesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<{ id: string; text: string; version: number }> {
    const [row] = (await this.dataSource.query('SELECT id, text, version FROM note WHERE id = $1', [id])) as Array<{
      id: string;
      text: string;
      version: number;
    }>;
    if (!row) throw DomainError.notFound('note', id);
    return row;
  }

  @Patch(':id')
  @IfMatchVersion()
  async rename(@Param('id') id: string, @Body() dto: RenameNoteDto): Promise<{ id: string; text: string; version: number }> {
    if (dto.version === undefined) throw DomainError.validation('version', 'version or If-Match is required');
    const version = await this.dataSource.transaction((em) => updateWithVersion(em, 'note', id, dto.version!, { text: dto.text }));
    return { id, text: dto.text, version };
  }

  @Post(':id/pin')
  pin(@Param('id') id: string, @Body() dto: NoteActionDto): { id: string; pinned: string } {
    return { id, pinned: dto.text };
  }

  @Get(':id/streets-only')
  @Roles('district', 'street')
  streetsOnly(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('issue 14 HTTP contract (Nest test app over real HTTP)', () => {
  let app: NestFastifyApplication;
  let dataSource: TestDataSource;
  let base: string;
  let keyDir: string;
  let config: PlatformConfig;

  const token = (input: MintTokenInput): Promise<string> => mintLocalToken(input, config.auth, directory);
  const call = async (method: string, url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
  };

  beforeAll(async () => {
    keyDir = mkdtempSync(path.join(tmpdir(), 'cwp-contract-it-'));
    dataSource = await createTestDataSource({
      schemaPrefix: 'platform_contract_it',
      migrations: [...auditMigrations, ...idempotencyMigrations],
    });
    await dataSource.query('CREATE TABLE note (id text PRIMARY KEY, text text NOT NULL, version int NOT NULL DEFAULT 1)');
    await dataSource.query(`INSERT INTO note (id, text) VALUES ('n1', 'first'), ('n2', 'second')`);
    config = validateAll({
      SERVICE_NAME: 'contract-test',
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
      controllers: [NotesController],
    })
    class TestAppModule {}

    const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(platformHttpAdapter(), { logger: false });
    configurePlatformApp(app, { serviceName: 'contract-test' });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    rmSync(keyDir, { recursive: true, force: true });
  });

  describe('the system role (an HR system): reads what a city operator may read, never writes, each read audited', () => {
    let system = '';
    beforeAll(async () => {
      system = await token({ role: 'system', unit: '31', sub: 'hr-system-a' });
    });

    it('reads a record and the read is in the audit trail with its request id', async () => {
      const res = await call('GET', '/api/contract-test/notes/n2', { token: system, headers: { 'x-request-id': 'sys-read-1' } });
      expect(res).toMatchObject({ status: 200, body: { id: 'n2', text: 'second' } });
      const rows = (await dataSource.query(
        `SELECT subject, role, outcome, action, entity, entity_id FROM audit_log WHERE request_id = 'sys-read-1'`,
      )) as unknown[];
      expect(rows).toEqual([
        {
          subject: 'hr-system-a',
          role: 'system',
          outcome: 'allowed',
          action: 'read',
          entity: 'GET /api/contract-test/notes/:id',
          entity_id: '/api/contract-test/notes/n2',
        },
      ]);
    });

    it.each([
      ['PATCH', '/api/contract-test/notes/n2', { version: 1, text: 'hijacked' }],
      ['POST', '/api/contract-test/notes/n2/pin', { text: 'x' }],
    ])('%s is 403 FORBIDDEN and changes nothing', async (method, url, body) => {
      const res = await call(method, url, { token: system, body });
      expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', detail: 'The system role may only read (GET)' } });
      expect(((await dataSource.query(`SELECT text FROM note WHERE id = 'n2'`)) as Array<{ text: string }>)[0]!.text).toBe('second');
    });

    it('a GET city operators may not call, and the audit trail (operations data), are 403', async () => {
      expect(await call('GET', '/api/contract-test/notes/n2/streets-only', { token: system })).toMatchObject({ status: 403 });
      expect(await call('GET', '/api/contract-test/audit', { token: system })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    });

    it('an operator read is not audited (their changes and denials are)', async () => {
      const city = await token({ role: 'city', unit: '31' });
      await call('GET', '/api/contract-test/notes/n2', { token: city, headers: { 'x-request-id': 'city-read-1' } });
      expect(await dataSource.query(`SELECT 1 FROM audit_log WHERE request_id = 'city-read-1'`)).toEqual([]);
    });
  });

  describe('optimistic concurrency through ETag / If-Match (the body version keeps working)', () => {
    let street = '';
    beforeAll(async () => {
      street = await token({ role: 'street', unit: '310101002' });
    });

    it('GET sends the row version as a strong ETag; PATCH with that If-Match succeeds and sends the next one', async () => {
      const read = await call('GET', '/api/contract-test/notes/n1', { token: street });
      expect(read.headers.get('etag')).toBe('"1"');
      const changed = await call('PATCH', '/api/contract-test/notes/n1', {
        token: street,
        body: { text: 'renamed' },
        headers: { 'if-match': '"1"' },
      });
      expect(changed).toMatchObject({ status: 200, body: { version: 2 } });
      expect(changed.headers.get('etag')).toBe('"2"');
    });

    it('a stale If-Match is 409 VERSION_CONFLICT, exactly like a stale body version; nothing changes', async () => {
      const stale = await call('PATCH', '/api/contract-test/notes/n1', {
        token: street,
        body: { text: 'lost' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
      const staleBody = await call('PATCH', '/api/contract-test/notes/n1', { token: street, body: { text: 'lost', version: 1 } });
      expect(staleBody).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
      expect((await call('GET', '/api/contract-test/notes/n1', { token: street })).body).toMatchObject({ text: 'renamed', version: 2 });
    });

    it('refuses (400 naming If-Match) a weak or malformed tag, a tag the body contradicts, and If-Match where the route takes none', async () => {
      for (const ifMatch of ['W/"2"', '2', '"2", "3"']) {
        const res = await call('PATCH', '/api/contract-test/notes/n1', {
          token: street,
          body: { text: 'x' },
          headers: { 'if-match': ifMatch },
        });
        expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'If-Match' } });
      }
      const contradicted = await call('PATCH', '/api/contract-test/notes/n1', {
        token: street,
        body: { text: 'x', version: 1 },
        headers: { 'if-match': '"2"' },
      });
      expect(contradicted).toMatchObject({ status: 400, body: { field: 'If-Match' } });
      const notTaken = await call('POST', '/api/contract-test/notes/n1/pin', {
        token: street,
        body: { text: 'x' },
        headers: { 'if-match': '"2"' },
      });
      expect(notTaken).toMatchObject({ status: 400, body: { field: 'If-Match' } });
      expect((await call('GET', '/api/contract-test/notes/n1', { token: street })).body).toMatchObject({ text: 'renamed', version: 2 });
    });
  });

  describe('labels of vocabulary codes by Accept-Language', () => {
    it('answers zh-CN labels to a Chinese reader and the codes in words otherwise; codes stay', async () => {
      const street = await token({ role: 'street', unit: '310101002' });
      const zh = await call('GET', '/api/contract-test/labels/grade', { token: street, headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
      expect(zh.headers.get('content-language')).toBe('zh-CN');
      expect(zh.body).toEqual({
        name: 'grade',
        language: 'zh-CN',
        labels: [
          { code: 'excellent', label: '优秀' },
          { code: 'qualified', label: '合格' },
          { code: 'basically-qualified', label: '基本合格' },
          { code: 'unqualified', label: '不合格' },
        ],
      });
      const all = await call('GET', '/api/contract-test/labels', { token: street });
      expect(all.body.language).toBe('en');
      expect(all.body.vocabularies.map((v: { name: string }) => v.name)).toEqual(
        expect.arrayContaining(['education', 'post-category', 'title', 'role', 'source', 'exit-cause', 'grade']),
      );
      expect(await call('GET', '/api/contract-test/labels/nope', { token: street })).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND' },
      });
    });
  });
});
