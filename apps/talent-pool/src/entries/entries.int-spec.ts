/**
 * EntriesService + EntryEndings on the real PostgreSQL (own schema) and Temporal dev server:
 * the partial unique index decides duplicates (409), and every change commits together with its
 * audit row and outbox event — or not at all.
 */
import { DomainError, ErrorCode, testing } from '@cwp/platform';
import { entryJoinedContract, talentPoolEventContracts, TALENT_POOL_EVENT_TYPES } from '@cwp/contracts';
import { cityPrincipal, createEntriesIntContext, streetPrincipal, type EntriesIntContext } from './testing/entries-int-context';
import { newNationalId, newRegistration } from './testing/entry.builders';

let ctx: EntriesIntContext;

beforeAll(async () => {
  ctx = await createEntriesIntContext('tp_entries_it');
});

afterAll(async () => {
  await ctx?.close();
});

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = (await ctx.ds.query(sql, params)) as Array<{ n: string }>;
  return Number(row!.n);
}
const outboxCount = (id: string, type?: string) =>
  count(`SELECT count(*) AS n FROM outbox WHERE message_key = $1 ${type ? 'AND event_type = $2' : ''}`, type ? [id, type] : [id]);
const auditCount = (id: string, action?: string) =>
  count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 ${action ? 'AND action = $2' : ''}`, action ? [id, action] : [id]);

const failureOf = testing.domainErrorOf;

describe('register', () => {
  it('writes the row, its audit row and the registered event in one transaction; PII only encrypted', async () => {
    const dto = newRegistration();
    const entry = await ctx.entries.register(dto, streetPrincipal());

    expect(entry.status).toBe('active');
    expect(entry.nationalIdMasked).toBe(`${dto.nationalId.slice(0, 4)}**********${dto.nationalId.slice(14)}`);
    expect(await auditCount(entry.id, 'create')).toBe(1);
    expect(await outboxCount(entry.id, TALENT_POOL_EVENT_TYPES.registered)).toBe(1);

    const [stored] = (await ctx.ds.query('SELECT national_id_enc, phone_enc, person_ref, workflow_started_at FROM entries WHERE id = $1', [
      entry.id,
    ])) as Array<Record<string, string | null>>;
    expect(ctx.cipher.decrypt(stored!.national_id_enc!, 'national-id')).toBe(dto.nationalId);
    expect(ctx.cipher.decrypt(stored!.phone_enc!, 'phone')).toBe(dto.phone);
    expect(stored!.person_ref).toBe(ctx.cipher.personRef(dto.nationalId));
    expect(stored!.workflow_started_at).not.toBeNull();

    // No clear ID or phone anywhere in the schema's tables.
    for (const table of ['entries', 'audit_log', 'outbox']) {
      const dump = JSON.stringify(await ctx.ds.query(`SELECT * FROM ${table}`));
      expect(dump).not.toContain(dto.nationalId);
      expect(dump).not.toContain(dto.phone);
    }
  });

  it('starts the workflow with the entry id and unit as search attributes (ids only in its input)', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    const description = await ctx.client.workflow.getHandle(entry.workflowId).describe();
    expect(description.taskQueue).toBe(ctx.taskQueue);
    expect(description.typedSearchAttributes.get({ name: 'CwpEntityId', type: 'KEYWORD' } as never)).toBe(entry.id);
    expect(description.typedSearchAttributes.get({ name: 'CwpUnitCode', type: 'KEYWORD' } as never)).toBe('310104003');
  });

  it('a second active entry of the same person in the same unit is a 409 DUPLICATE; another unit is fine', async () => {
    const dto = newRegistration();
    await ctx.entries.register(dto, streetPrincipal());
    const error = await failureOf(ctx.entries.register({ ...dto, name: '另一个名字' }, streetPrincipal()));
    expect(error.code).toBe(ErrorCode.DUPLICATE);
    expect(error.field).toBe('nationalId');
    expect(error.message).not.toContain(dto.nationalId);

    const elsewhere = await ctx.entries.register({ ...dto, holdingUnit: '310104004' }, streetPrincipal('310104004'));
    expect(elsewhere.status).toBe('active');
  });

  it('the unique index, not a pre-check, settles concurrent duplicates: exactly one wins', async () => {
    const dto = newRegistration();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => ctx.entries.register({ ...dto }, streetPrincipal())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.map((f) => (f.reason as DomainError).code)).toEqual([ErrorCode.DUPLICATE, ErrorCode.DUPLICATE, ErrorCode.DUPLICATE]);
  });

  it('after withdrawal the same person may register again in that unit (the index is partial)', async () => {
    const dto = newRegistration();
    const first = await ctx.entries.register(dto, streetPrincipal());
    await ctx.endings.withdraw(first.id, { reason: 'candidate-request' }, streetPrincipal());
    const again = await ctx.entries.register(dto, streetPrincipal());
    expect(again.id).not.toBe(first.id);
  });

  it('when the outbox append fails, neither the row nor its audit row is kept', async () => {
    const dto = newRegistration();
    const broken = await ctx.entriesWithOutbox(talentPoolEventContracts.filter((c) => c.type !== TALENT_POOL_EVENT_TYPES.registered));
    const auditRowsBefore = await count("SELECT count(*) AS n FROM audit_log WHERE action = 'create'", []);
    await expect(broken.register(dto, streetPrincipal())).rejects.toThrow(/not among the contracts/);
    const personRef = ctx.cipher.personRef(dto.nationalId);
    expect(await count('SELECT count(*) AS n FROM entries WHERE person_ref = $1', [personRef])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'create'", [])).toBe(auditRowsBefore);
  });

  it('POOL-2 a period outside 12..24 months is refused naming reservePeriodMonths; nothing is written', async () => {
    const dto = newRegistration({ reservePeriodMonths: 36 });
    const error = await failureOf(ctx.entries.register(dto, streetPrincipal()));
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'reservePeriodMonths' });
    expect(await count('SELECT count(*) AS n FROM entries WHERE person_ref = $1', [ctx.cipher.personRef(dto.nationalId)])).toBe(0);
  });

  it('a holding unit outside the caller scope is not found (and the denial is audited)', async () => {
    const error = await failureOf(ctx.entries.register(newRegistration({ holdingUnit: '310101002' }), streetPrincipal()));
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, field: 'holdingUnit' });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied' AND entity_id = '310101002'", [])).toBeGreaterThan(0);
  });
});

describe('read and search within jurisdiction', () => {
  it('get outside scope answers NOT_FOUND like a missing id; a city operator sees it', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    expect((await failureOf(ctx.entries.get(entry.id, streetPrincipal('310101002')))).code).toBe(ErrorCode.NOT_FOUND);
    expect((await failureOf(ctx.entries.get('not-a-uuid', streetPrincipal()))).code).toBe(ErrorCode.NOT_FOUND);
    expect((await ctx.entries.get(entry.id, cityPrincipal)).id).toBe(entry.id);
  });

  it('lists only the caller subtree, filters, pages and counts the total', async () => {
    const unit = '310105001';
    const principal = streetPrincipal(unit);
    const made = [];
    for (const source of ['homemaker', 'homemaker', 'other'] as const) {
      made.push(await ctx.entries.register(newRegistration({ source, major: undefined, holdingUnit: unit }), principal));
    }
    const page1 = await ctx.entries.list({ page: 1, pageSize: 1, source: 'homemaker' }, principal);
    expect(page1.total).toBe(2);
    expect(page1.items).toHaveLength(1);
    expect(page1.items.every((e) => e.holdingUnit === unit)).toBe(true);
    const all = await ctx.entries.list({ page: 1, pageSize: 100 }, principal);
    expect(all.items.map((e) => e.id).sort()).toEqual(made.map((e) => e.id).sort());
    const district = await ctx.entries.list({ page: 1, pageSize: 100, unit: '310105' }, cityPrincipal);
    expect(district.total).toBe(3);
    const expiringSoon = await ctx.entries.list({ page: 1, pageSize: 100, expiringBefore: '2026-01-01' }, principal);
    expect(expiringSoon.total).toBe(0);
  });

  it('ORG-2 a unit filter outside the caller scope (another street, or the whole city) is NOT_FOUND on unit, and the denial is audited', async () => {
    const principal = streetPrincipal('310104003');
    for (const unit of ['310101002', '31', '310104']) {
      const error = await failureOf(ctx.entries.list({ page: 1, pageSize: 10, unit }, principal));
      expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, field: 'unit' });
      expect(
        await count(
          "SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied' AND action = 'list' AND entity_id = $1 AND subject = $2",
          [unit, principal.sub],
        ),
      ).toBe(1);
    }
  });

  it('ORG-2 a unit filter naming no unit of the tree is NOT_FOUND too (audited); a unit inside the scope lists', async () => {
    const principal = streetPrincipal('310104003');
    expect(await failureOf(ctx.entries.list({ page: 1, pageSize: 10, unit: '310104999' }, principal))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      field: 'unit',
    });
    const inside = await ctx.entries.list({ page: 1, pageSize: 100, unit: '310104003' }, principal);
    expect(inside.items.every((e) => e.holdingUnit.startsWith('310104003'))).toBe(true);
  });
});

describe('endings', () => {
  it('POOL-2 expiry erases personal data, keeps the statistics, writes audit + expired event; a second call changes nothing', async () => {
    const entry = await ctx.entries.register(newRegistration({ source: 'student', major: 'law', education: 'master' }), streetPrincipal());
    expect(await ctx.endings.expire(entry.id)).toMatchObject({ changed: true, status: 'expired' });

    const [row] = (await ctx.ds.query('SELECT * FROM entries WHERE id = $1', [entry.id])) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({
      status: 'expired',
      name: null,
      national_id_enc: null,
      national_id_masked: null,
      phone_enc: null,
      phone_masked: null,
      person_ref: null,
      source: 'student',
      education: 'master',
      major: 'law',
      holding_unit: '310104003',
    });
    expect(row!.registered_on).not.toBeNull();
    expect(await outboxCount(entry.id, TALENT_POOL_EVENT_TYPES.expired)).toBe(1);
    expect(await auditCount(entry.id, 'expired')).toBe(1);

    expect(await ctx.endings.expire(entry.id)).toEqual({ changed: false, status: 'expired', endedOn: expect.any(String) });
    expect(await outboxCount(entry.id, TALENT_POOL_EVENT_TYPES.expired)).toBe(1);
  });

  it('POOL-3 join ends the entry (joined event, data erased); a later expiry finds it joined and does nothing', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    const joined = await ctx.endings.join(entry.id, { workerId: 'w-42' }, streetPrincipal());
    expect(joined).toMatchObject({ status: 'joined', joinRoute: 'api', joinedWorkerId: 'w-42', name: null, nationalIdMasked: null });
    expect(await outboxCount(entry.id, entryJoinedContract.type)).toBe(1);
    expect((await failureOf(ctx.endings.join(entry.id, {}, streetPrincipal()))).code).toBe(ErrorCode.CONFLICT);
    expect(await ctx.endings.expire(entry.id)).toMatchObject({ changed: false, status: 'joined' });
    expect(await outboxCount(entry.id)).toBe(2); // registered + joined, nothing else
  });

  it('join or withdraw outside scope is NOT_FOUND and changes nothing', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    expect((await failureOf(ctx.endings.withdraw(entry.id, { reason: 'other' }, streetPrincipal('310104004')))).code).toBe(
      ErrorCode.NOT_FOUND,
    );
    expect((await ctx.entries.get(entry.id, streetPrincipal())).status).toBe('active');
  });

  it('POOL-2 the expiry reminder is sent once per period', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    expect(await ctx.endings.remind(entry.id, entry.expiresOn)).toEqual({ sent: true });
    expect(await ctx.endings.remind(entry.id, entry.expiresOn)).toEqual({ sent: false });
    expect(await outboxCount(entry.id, TALENT_POOL_EVENT_TYPES.expiring)).toBe(1);
  });

  it('concurrent join and withdraw: exactly one ending wins', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    const results = await Promise.allSettled([
      ctx.endings.join(entry.id, {}, streetPrincipal()),
      ctx.endings.withdraw(entry.id, { reason: 'other' }, streetPrincipal()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      await count("SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type <> 'cwp.talentpool.entry.registered.v1'", [
        entry.id,
      ]),
    ).toBe(1);
  });
});

it('builders make valid, distinct national IDs', () => {
  expect(new Set(Array.from({ length: 50 }, () => newNationalId())).size).toBeGreaterThan(40);
});
