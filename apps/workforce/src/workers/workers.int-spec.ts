/**
 * The roster services on the real PostgreSQL (own schema) and Kafka: every change commits with its
 * history, audit row and outbox event or not at all; optimistic concurrency (409 on a stale
 * version, one winner of two racing writers); PROM-1/PROM-3 promotions serialised per street;
 * EXIT-1..3 causes fitted to the entry route; events reach Kafka keyed by worker id, in order.
 */
import {
  DomainError,
  ErrorCode,
  KafkaJsPublisher,
  OutboxRelay,
  createKafka,
  ensureTopics,
  testing,
  type EventPublisher,
} from '@cwp/platform';
import { WORKER_EVENT_TYPES, workforceWorkerEventContracts } from '@cwp/contracts';
import { WorkforceError } from '../core';
import {
  AREA_A1_1,
  AREA_A1_2,
  AREA_A2_1,
  AREA_B1_1,
  DISTRICT_A,
  STREET_A1,
  STREET_A2,
  cityPrincipal,
  createWorkersIntContext,
  newHire,
  newNationalId,
  principalOf,
  type WorkersIntContext,
} from './testing/workers-int-context';

let ctx: WorkersIntContext;
const streetA1 = principalOf('street', STREET_A1);
const districtA = principalOf('district', DISTRICT_A);

beforeAll(async () => {
  ctx = await createWorkersIntContext('wf_workers_it');
});
afterAll(async () => {
  await ctx?.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await ctx.ds.query(sql, params)) as Array<{ n: string }>;
  return Number(row!.n);
}
const outboxTypes = async (id: string): Promise<string[]> =>
  ((await ctx.ds.query('SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY seq', [id])) as Array<{ event_type: string }>).map(
    (r) => r.event_type,
  );

const failureOf = testing.domainErrorOf;

describe('hire', () => {
  it('writes the row, its history, its audit row and the hired event together; the national ID only encrypted', async () => {
    const nationalId = newNationalId();
    const worker = await ctx.workers.hire(
      newHire({ nationalId, birthDate: undefined, talentPoolEntryId: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10' }),
      streetA1,
    );

    expect(worker).toMatchObject({
      status: 'on-duty',
      birthDate: '1990-05-17',
      nationalIdMasked: `${nationalId.slice(0, 4)}**********${nationalId.slice(14)}`,
      version: 1,
    });
    expect(await outboxTypes(worker.id)).toEqual([WORKER_EVENT_TYPES.hired]);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'hire'", [worker.id])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM worker_history WHERE worker_id = $1 AND kind = 'hired'", [worker.id])).toBe(1);

    const [event] = (await ctx.ds.query('SELECT envelope FROM outbox WHERE message_key = $1', [worker.id])) as Array<{
      envelope: { subject: string; data: Record<string, unknown> };
    }>;
    expect(event!.envelope.subject).toBe(worker.id);
    expect(event!.envelope.data).toEqual({
      workerId: worker.id,
      unitCode: AREA_A1_1,
      hiredOn: '2020-03-01',
      entryRoute: 'recruited',
      postCategory: 'staff',
      postLevel: 3,
      personRef: ctx.cipher.personRef(nationalId),
      talentPoolEntryId: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
    });
    const [stored] = (await ctx.ds.query('SELECT national_id_enc FROM workers WHERE id = $1', [worker.id])) as Array<{
      national_id_enc: string;
    }>;
    expect(ctx.cipher.decrypt(stored!.national_id_enc, 'national-id')).toBe(nationalId);
    for (const table of ['workers', 'worker_history', 'audit_log', 'outbox']) {
      expect(JSON.stringify(await ctx.ds.query(`SELECT * FROM ${table}`))).not.toContain(nationalId);
    }
    expect(JSON.stringify(await ctx.ds.query("SELECT before, after FROM audit_log WHERE action = 'hire'"))).not.toContain(worker.name);
    const [audit] = (await ctx.ds.query("SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'hire'", [worker.id])) as Array<{
      after: Record<string, unknown>;
    }>;
    expect(audit!.after).toMatchObject({
      name: '[personal]',
      birthDate: '[personal]',
      nationalId: '[personal]',
      personRef: '[personal]',
      unitCode: AREA_A1_1,
      postLevel: 3,
    });
  });

  it('one current record per person: a second hire is a 409 DUPLICATE on nationalId; after the exit the person may be hired again', async () => {
    const nationalId = newNationalId();
    const first = await ctx.workers.hire(newHire({ nationalId }), streetA1);
    const error = await failureOf(ctx.workers.hire(newHire({ nationalId, unitCode: AREA_A1_2 }), streetA1));
    expect(error).toMatchObject({ code: ErrorCode.DUPLICATE, field: 'nationalId' });
    expect(error.message).not.toContain(nationalId);
    await ctx.lifecycle.exit(first.id, { cause: 'serious-breach', effectiveOn: '2024-01-31' }, streetA1);
    const again = await ctx.workers.hire(newHire({ nationalId }), streetA1);
    expect(again.id).not.toBe(first.id);
  });

  it('a birth date that disagrees with the national ID is refused naming birthDate; ORG-1 a child is not of working age', async () => {
    expect(
      await failureOf(ctx.workers.hire(newHire({ nationalId: newNationalId('19900517'), birthDate: '1991-01-01' }), streetA1)),
    ).toMatchObject({ field: 'birthDate' });
    expect(await failureOf(ctx.workers.hire(newHire({ birthDate: '2012-01-01' }), streetA1))).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'birthDate',
    });
  });

  it('POST-2 a role and a category that do not fit are refused naming postCategory', async () => {
    expect(await failureOf(ctx.workers.hire(newHire({ role: 'head', postCategory: 'staff' }), streetA1))).toMatchObject({
      field: 'postCategory',
    });
  });

  it('when the outbox append fails, neither the worker nor its audit or history row is kept', async () => {
    const broken = await ctx.withOutbox(workforceWorkerEventContracts.filter((c) => c.type !== WORKER_EVENT_TYPES.hired));
    const before = await count('SELECT count(*) AS n FROM workers');
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    await expect(broken.workers.hire(newHire(), streetA1)).rejects.toThrow(/not among the contracts/);
    expect(await count('SELECT count(*) AS n FROM workers')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
  });
});

describe('optimistic concurrency (PATCH with version)', () => {
  it('a stale version is a 409 VERSION_CONFLICT and changes nothing', async () => {
    const worker = await ctx.workers.hire(newHire(), streetA1);
    const changed = await ctx.workers.update(worker.id, { version: 1, postLevel: 4 }, streetA1);
    expect(changed).toMatchObject({ postLevel: 4, version: 2 });
    const error = await failureOf(ctx.workers.update(worker.id, { version: 1, postLevel: 9 }, streetA1));
    expect(error.code).toBe(ErrorCode.VERSION_CONFLICT);
    expect(error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect((await ctx.workers.get(worker.id, streetA1)).postLevel).toBe(4);
    expect(await outboxTypes(worker.id)).toEqual([WORKER_EVENT_TYPES.hired, WORKER_EVENT_TYPES.changed]);
  });

  it('of two writers that read the same version exactly one wins; the loser writes no event', async () => {
    const worker = await ctx.workers.hire(newHire(), streetA1);
    const results = await Promise.allSettled([5, 6].map((postLevel) => ctx.workers.update(worker.id, { version: 1, postLevel }, streetA1)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as DomainError).code).toBe(
      ErrorCode.VERSION_CONFLICT,
    );
    expect(await outboxTypes(worker.id)).toEqual([WORKER_EVENT_TYPES.hired, WORKER_EVENT_TYPES.changed]);
  });

  it('a role change moves the post category with it (POST-2) and the event names both fields', async () => {
    const worker = await ctx.workers.hire(newHire(), streetA1);
    const changed = await ctx.workers.update(worker.id, { version: 1, role: 'manager', postRole: 'business-manager' }, streetA1);
    expect(changed).toMatchObject({ role: 'manager', postCategory: 'manager', postRole: 'business-manager' });
    const [row] = (await ctx.ds.query('SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2', [
      worker.id,
      WORKER_EVENT_TYPES.changed,
    ])) as Array<{
      envelope: { data: { changedFields: string[]; reason: string } };
    }>;
    expect(row!.envelope.data).toMatchObject({ reason: 'post-change', changedFields: ['role', 'postCategory', 'postRole'] });
  });
});

describe('PROM-1 and PROM-3 promotions', () => {
  /** Hires titled workers into a street and its areas: 5 junior, 3 intermediate, 2 senior. */
  async function staffStreet(areas: string[], street: string): Promise<string[]> {
    const principal = principalOf('street', street);
    const juniors: string[] = [];
    const titles = [
      'junior',
      'junior',
      'junior',
      'junior',
      'junior',
      'intermediate',
      'intermediate',
      'intermediate',
      'senior',
      'senior',
    ] as const;
    for (const [i, title] of titles.entries()) {
      const w = await ctx.workers.hire(newHire({ unitCode: i % 2 === 0 ? street : areas[i % areas.length], title }), principal);
      if (title === 'junior') juniors.push(w.id);
    }
    // Untitled and exited workers do not count towards the structure.
    await ctx.workers.hire(newHire({ unitCode: areas[0] }), principal);
    const gone = await ctx.workers.hire(newHire({ unitCode: areas[0], title: 'intermediate' }), principal);
    await ctx.lifecycle.exit(gone.id, { cause: 'serious-breach', effectiveOn: '2024-06-30' }, principal);
    return juniors;
  }

  it("PROM-3 counts the worker's street (street and its areas): 4:4:2 within the tolerance is allowed, beyond it is refused with the figures", async () => {
    const principal = principalOf('street', STREET_A2);
    const juniors = await staffStreet([AREA_A2_1, `${STREET_A2}002`], STREET_A2);

    const allowed = await ctx.promotions.promote(juniors[0]!, { toTitle: 'intermediate' }, principal);
    expect(allowed.worker.title).toBe('intermediate');
    expect(allowed.promotion.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['PROM-1', 'PROM-3']));

    const refused = await failureOf(ctx.promotions.promote(juniors[1]!, { toTitle: 'intermediate' }, principal));
    expect(refused).toMatchObject({ code: WorkforceError.TITLE_STRUCTURE_EXCEEDED, field: 'toTitle' });
    expect(refused.details).toMatchObject({
      rule: 'PROM-3',
      unitCode: STREET_A2,
      currentCounts: { junior: 4, intermediate: 4, senior: 2 },
      countsAfter: { junior: 3, intermediate: 5, senior: 2 },
      sharesAfter: { intermediate: 0.5 },
      targetShares: { junior: 0.4, intermediate: 0.4, senior: 0.2 },
      tolerance: 0.05,
    });
    expect(await outboxTypes(juniors[1]!)).toEqual([WORKER_EVENT_TYPES.hired]);
    expect((await ctx.workers.get(juniors[1]!, principal)).title).toBe('junior');
  });

  it('PROM-3 two promotions racing in one street when only one fits: exactly one wins (the street is locked while checked)', async () => {
    const street = '310101015';
    const juniors = await staffStreet([`${street}001`, `${street}002`], street);
    const principal = principalOf('street', street);
    const results = await Promise.allSettled(
      juniors.slice(0, 2).map((id) => ctx.promotions.promote(id, { toTitle: 'intermediate' }, principal)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as DomainError;
    expect(loser).toMatchObject({ code: WorkforceError.TITLE_STRUCTURE_EXCEEDED, details: { rule: 'PROM-3' } });
  });

  it('PROM-1 titles go one step at a time and a PATCH raise is held to the same check', async () => {
    const w = await ctx.workers.hire(newHire({ unitCode: AREA_B1_1, title: 'junior' }), cityPrincipal);
    const skip = await failureOf(ctx.promotions.promote(w.id, { toTitle: 'senior' }, cityPrincipal));
    expect(skip).toMatchObject({ code: ErrorCode.BUSINESS_RULE_VIOLATED, field: 'toTitle' });
    expect(skip.details).toMatchObject({ rule: 'PROM-1', next: 'intermediate' });
    expect(await failureOf(ctx.workers.update(w.id, { version: 1, title: 'senior' }, cityPrincipal))).toMatchObject({ field: 'title' });
  });

  it('PROM-1 role ladder: staff → specialist brings the specialist post; skipping a rung is refused naming toRole', async () => {
    const w = await ctx.workers.hire(newHire({ unitCode: AREA_B1_1 }), cityPrincipal);
    expect(await failureOf(ctx.promotions.promote(w.id, { toRole: 'supervisor' }, cityPrincipal))).toMatchObject({ field: 'toRole' });
    const promoted = await ctx.promotions.promote(w.id, { toRole: 'specialist' }, cityPrincipal);
    expect(promoted.worker).toMatchObject({ role: 'specialist', postCategory: 'staff', postRole: 'specialist' });
    expect(await failureOf(ctx.promotions.promote(w.id, { toRole: 'supervisor', toTitle: 'junior' }, cityPrincipal))).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
  });
});

describe('leave, return, transfer, exit', () => {
  it('leave and return switch the on-duty status (QUOTA-6) with history rows; a second leave is a 409', async () => {
    const w = await ctx.workers.hire(newHire(), streetA1);
    expect((await ctx.lifecycle.leave(w.id, { startsOn: '2026-01-05', expectedReturnOn: '2026-03-01' }, streetA1)).status).toBe('leave');
    expect((await failureOf(ctx.lifecycle.leave(w.id, {}, streetA1))).code).toBe(ErrorCode.CONFLICT);
    expect((await ctx.lifecycle.return(w.id, { returnsOn: '2026-03-01' }, streetA1)).status).toBe('on-duty');
    const kinds = await ctx.repository.history(w.id);
    expect(kinds.map((h) => [h.kind, h.occurredOn])).toEqual([
      ['hired', '2020-03-01'],
      ['leave', '2026-01-05'],
      ['returned', '2026-03-01'],
    ]);
  });

  it('ORG-2 transfer within the district: event with both units; a destination outside the street scope is a 404 on toUnit, audited', async () => {
    const w = await ctx.workers.hire(newHire(), districtA);
    const moved = await ctx.lifecycle.transfer(w.id, { toUnit: AREA_A2_1, effectiveOn: '2025-05-01' }, districtA);
    expect(moved.unitCode).toBe(AREA_A2_1);
    const [row] = (await ctx.ds.query('SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2', [
      w.id,
      WORKER_EVENT_TYPES.transferred,
    ])) as Array<{ envelope: { data: unknown } }>;
    expect(row!.envelope.data).toEqual({
      workerId: w.id,
      fromUnitCode: AREA_A1_1,
      toUnitCode: AREA_A2_1,
      transferredOn: '2025-05-01',
      version: 2,
    });

    const streetA2 = principalOf('street', STREET_A2);
    const error = await failureOf(ctx.lifecycle.transfer(w.id, { toUnit: AREA_A1_2 }, streetA2));
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, field: 'toUnit' });
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1 AND entity_id = $2 AND action = 'transfer'",
        [streetA2.sub, AREA_A1_2],
      ),
    ).toBe(1);
  });

  it('EXIT-2 an elected worker cannot leave on an EXIT-3 cause (422 naming cause); by law it can, explained', async () => {
    const w = await ctx.workers.hire(newHire({ entryRoute: 'elected', role: 'head' }), streetA1);
    const error = await failureOf(ctx.lifecycle.exit(w.id, { cause: 'serious-breach', effectiveOn: '2026-06-30' }, streetA1));
    expect(error).toMatchObject({ code: ErrorCode.BUSINESS_RULE_VIOLATED, field: 'cause' });
    const exited = await ctx.lifecycle.exit(
      w.id,
      { cause: 'law', effectiveOn: '2026-06-30', facts: { statutoryCause: 'Organic Law of Urban Residents Committees' } },
      streetA1,
    );
    expect(exited).toMatchObject({ status: 'exited', exitedOn: '2026-06-30', exitCause: 'law' });
    expect(exited.exit.rules).toEqual(['ORG-3', 'EXIT-2']);
    const [row] = (await ctx.ds.query('SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2', [
      w.id,
      WORKER_EVENT_TYPES.exited,
    ])) as Array<{ envelope: { data: unknown } }>;
    expect(row!.envelope.data).toEqual({
      workerId: w.id,
      unitCode: AREA_A1_1,
      exitedOn: '2026-06-30',
      entryRoute: 'elected',
      cause: 'law',
      rules: ['ORG-3', 'EXIT-2'],
      version: 2,
    });
    expect(JSON.stringify(row)).not.toContain('Organic Law');
  });

  it('EXIT-3 an exited record is final: further changes are 409; an exit before the hire date is refused', async () => {
    const w = await ctx.workers.hire(newHire(), streetA1);
    expect(
      await failureOf(ctx.lifecycle.exit(w.id, { cause: 'unable-after-training', effectiveOn: '2019-01-01' }, streetA1)),
    ).toMatchObject({ field: 'effectiveOn' });
    await ctx.lifecycle.exit(
      w.id,
      { cause: 'unable-after-training', effectiveOn: '2026-02-01', facts: { unableToDoJob: true, afterTrainingOrPostChange: true } },
      streetA1,
    );
    const error = await failureOf(ctx.workers.update(w.id, { version: 2, postLevel: 7 }, streetA1));
    expect(error.details).toMatchObject({ reason: 'WORKER_EXITED' });
  });
});

describe('search within jurisdiction', () => {
  it('filters by unit subtree, title, status and age band, sorts by a whitelisted column, pages with a total', async () => {
    const unit = `${STREET_A1}005`;
    const principal = principalOf('street', STREET_A1);
    const made = [];
    for (const [i, birthDate] of ['1960-01-01', '1990-06-01', '1999-12-31', '1988-03-03'].entries()) {
      made.push(
        await ctx.workers.hire(newHire({ unitCode: unit, birthDate, postLevel: 10 - i, title: i === 3 ? undefined : 'junior' }), principal),
      );
    }
    await ctx.lifecycle.leave(made[1]!.id, {}, principal);

    const page1 = await ctx.workers.list({ unit, sort: 'postLevel', order: 'asc', page: 1, pageSize: 2 }, principal);
    expect(page1.total).toBe(4);
    expect(page1.items.map((w) => w.postLevel)).toEqual([7, 8]);
    const page3 = await ctx.workers.list({ unit, page: 3, pageSize: 2 }, principal);
    expect(page3).toMatchObject({ items: [], total: 4 });

    expect((await ctx.workers.list({ unit, ageBand: '30-39', page: 1, pageSize: 10 }, principal)).items.map((w) => w.id).sort()).toEqual(
      [made[1]!.id, made[3]!.id].sort(),
    );
    expect((await ctx.workers.list({ unit, title: 'none', page: 1, pageSize: 10 }, principal)).items.map((w) => w.id)).toEqual([
      made[3]!.id,
    ]);
    expect((await ctx.workers.list({ unit, status: 'leave', page: 1, pageSize: 10 }, principal)).total).toBe(1);
    expect((await ctx.workers.list({ unit, ageBand: '50-plus', page: 1, pageSize: 10 }, principal)).items[0]!.ageBand).toBe('50-plus');
  });

  it('a unit filter outside the caller scope is a 404 on unit (audited), not an empty page', async () => {
    const principal = principalOf('street', STREET_A2);
    expect(await failureOf(ctx.workers.list({ unit: STREET_A1, page: 1, pageSize: 10 }, principal))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      field: 'unit',
    });
  });
});

describe('events reach Kafka (real broker, unique topic for this file)', () => {
  it('the relay publishes hired, changed, transferred, exited for one worker in order, keyed by its id, without personal data', async () => {
    const nationalId = newNationalId();
    const w = await ctx.workers.hire(newHire({ nationalId }), cityPrincipal);
    await ctx.workers.update(w.id, { version: 1, postLevel: 6 }, cityPrincipal);
    await ctx.lifecycle.transfer(w.id, { toUnit: AREA_B1_1 }, cityPrincipal);
    await ctx.lifecycle.exit(
      w.id,
      { cause: 'law', effectiveOn: '2026-11-01', facts: { statutoryCause: 'Labour Contract Law art. 44' } },
      cityPrincipal,
    );

    const kafka = createKafka({ clientId: testing.uniqueName('wf-workers-it'), brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
    const topic = `cwp.workforce-it-${testing.uniqueName('w').slice(2)}.workers`;
    await ensureTopics(kafka, [{ topic, numPartitions: 3 }]);
    const real = new KafkaJsPublisher(kafka);
    // The contract's topic is shared with every engineer's runs: this file publishes to its own copy.
    const renamed: EventPublisher = { publish: (_t, messages) => real.publish(topic, messages) };
    const relay = new OutboxRelay(ctx.ds, renamed, { listen: false });
    const collector = await testing.collectTopic(kafka, topic);
    try {
      for (;;) {
        const outcome = await relay.publishBatch();
        if ('published' in outcome && outcome.published === 0) break;
      }
      const mine = await testing.eventually(
        async () => {
          const found = collector.messages.filter((m) => m.key === w.id);
          return found.length >= 4 ? found : undefined;
        },
        20_000,
        'four events of the worker',
      );
      expect(mine.map((m) => m.event.type)).toEqual([
        WORKER_EVENT_TYPES.hired,
        WORKER_EVENT_TYPES.changed,
        WORKER_EVENT_TYPES.transferred,
        WORKER_EVENT_TYPES.exited,
      ]);
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
      expect(mine.every((m) => m.event.subject === w.id && m.event.source === '/cwp/workforce')).toBe(true);
      expect(JSON.stringify(mine)).not.toContain(nationalId);
      expect(JSON.stringify(mine)).not.toContain(w.name);
      expect(await count('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')).toBe(0);
    } finally {
      await collector.stop();
      await real.disconnect();
    }
  });
});
