/**
 * The testing kit builds a feature's graph from its own Nest module on the real servers: the
 * feature's classes are wired by Nest (no positional `new` in specs), the platform modules point
 * at a throw-away schema, and a spec overrides what it must.
 */
import { Body, Controller, Get, Inject, Injectable, Module, Param, Post } from '@nestjs/common';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { PolicyCatalog } from '@cwp/policy';
import { AuditTrail } from '../audit/audit-trail';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ServiceClock } from '../clock/service-clock';
import { DomainError } from '../errors/domain-error';
import { UuidPipe } from '../http/uuid.pipe';
import { PiiCipher } from '../pii/pii-cipher';
import { POLICY_CATALOG } from '../policy/policy-catalog.token';
import { WorkflowStarter } from '../temporal/workflow-starter';
import { createIntegrationContext, type IntegrationContext } from './integration-context';
import { newNationalId } from './national-id';

class CreateNotes1800000000001 implements MigrationInterface {
  name = 'CreateNotes1800000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), person_ref text NOT NULL, written_on date NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notes');
  }
}

@Injectable()
class NotesService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PiiCipher,
    private readonly clock: ServiceClock,
    readonly audit: AuditTrail,
    @Inject(POLICY_CATALOG) readonly catalog: PolicyCatalog,
  ) {}

  async write(nationalId: string): Promise<{ id: string; writtenOn: string }> {
    const [row] = (await this.ds.query(
      'INSERT INTO notes (person_ref, written_on) VALUES ($1, $2) RETURNING id, written_on::text AS "writtenOn"',
      [this.cipher.personRef(nationalId), this.clock.today()],
    )) as Array<{ id: string; writtenOn: string }>;
    return row!;
  }

  async read(id: string): Promise<{ id: string }> {
    const [row] = (await this.ds.query('SELECT id FROM notes WHERE id = $1', [id])) as Array<{ id: string }>;
    if (!row) throw DomainError.notFound('Note', id);
    return row;
  }
}

@Controller('notes')
class NotesController {
  constructor(private readonly notes: NotesService) {}
  @Post()
  @Roles('city')
  write(@Body() body: { nationalId: string }, @CurrentPrincipal() _principal: Principal) {
    return this.notes.write(body.nationalId);
  }
  @Get(':id')
  @Roles('city')
  read(@Param('id', new UuidPipe({ entity: 'Note' })) id: string) {
    return this.notes.read(id);
  }
}

@Module({ controllers: [NotesController], providers: [NotesService, ServiceClock], exports: [NotesService] })
class NotesModule {}

const city: Principal = { sub: 'city-op', role: 'city', unit: '31' };

describe('createIntegrationContext (real PostgreSQL)', () => {
  let ctx: IntegrationContext;
  afterEach(async () => ctx?.close());

  it('wires the feature module with the platform modules, a fixed clock by override, over HTTP', async () => {
    ctx = await createIntegrationContext({
      service: 'notes',
      schemaPrefix: 'kit_notes_it',
      imports: [NotesModule],
      migrations: [CreateNotes1800000000001],
      listen: true,
      override: (builder) =>
        builder.overrideProvider(ServiceClock).useValue({ today: () => '2026-11-30', now: () => new Date('2026-11-30T02:00:00Z') }),
    });
    const auth = { authorization: `Bearer ${await ctx.token(city)}`, 'content-type': 'application/json' };
    const created = await fetch(`${ctx.baseUrl}/api/notes/notes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ nationalId: newNationalId() }),
    });
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string; writtenOn: string };
    expect(note.writtenOn).toBe('2026-11-30');
    expect((await fetch(`${ctx.baseUrl}/api/notes/notes/${note.id}`, { headers: auth })).status).toBe(200);
    const malformed = await fetch(`${ctx.baseUrl}/api/notes/notes/not-a-uuid`, { headers: auth });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fetch(`${ctx.baseUrl}/api/notes/notes/${note.id}`)).status).toBe(401);
    const [stored] = (await ctx.ds.query('SELECT person_ref FROM notes')) as Array<{ person_ref: string }>;
    expect(stored!.person_ref).toMatch(/^[0-9a-f]{64}$/);
    expect(ctx.get(NotesService).catalog).toBe(ctx.get(POLICY_CATALOG));
    expect(ctx.get(NotesService).audit).toBe(ctx.get(AuditTrail));
  });

  it('adds Temporal on a unique task queue when asked, and closes its pool on close', async () => {
    ctx = await createIntegrationContext({
      service: 'notes',
      schemaPrefix: 'kit_notes_tq_it',
      imports: [NotesModule],
      migrations: [CreateNotes1800000000001],
      temporal: {},
    });
    expect(ctx.taskQueue).toMatch(/^notes-it-/);
    expect(ctx.get(WorkflowStarter)).toBeInstanceOf(WorkflowStarter);
    const ds = ctx.ds;
    await ctx.close();
    ctx = undefined as unknown as IntegrationContext;
    expect(ds.isInitialized).toBe(false);
  });
});
