/**
 * Quota storage (QUOTA-1..4) and floating-quota loans on real PostgreSQL, events relayed to the
 * real Kafka. Each run works in its own schema; events are found by their unique loan ids.
 */
import type { Kafka } from 'kafkajs';
import { floatingQuotaLentContract, workforceQuotaEventContracts, WORKFORCE_QUOTAS_TOPIC } from '@cwp/contracts';
import {
  createKafka,
  DomainError,
  ensureTopics,
  kafkaBrokersFrom,
  KafkaJsPublisher,
  OutboxRelay,
  type OrgUnitDirectory,
  type Principal,
  testing,
} from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { loadReferenceData } from '../reference-data';
import { createWorkforceIntContext, ORG_TREE_FILE as TREE, type WorkforceIntContext } from '../testing';
import { FloatingQuotaService } from './floating-quota.service';
import { QuotasModule } from './quotas.module';
import { QuotasService } from './quotas.service';

const catalog = defaultPolicyCatalog();
const city: Principal = { sub: 'city-op', role: 'city', unit: '31' };

describe('quotas and floating-quota loans (real PostgreSQL and Kafka)', () => {
  let ctx: WorkforceIntContext;
  let ds: testing.TestDataSource;
  let directory: OrgUnitDirectory;
  let quotas: QuotasService;
  let floating: FloatingQuotaService;
  let street: string;
  let areas: string[];

  beforeAll(async () => {
    ctx = await createWorkforceIntContext({
      schemaPrefix: 'wf_quotas_it',
      imports: [QuotasModule],
      produces: workforceQuotaEventContracts,
    });
    ({ ds, directory } = ctx);
    await loadReferenceData(ds, TREE, catalog, 5);
    quotas = ctx.get(QuotasService);
    floating = ctx.get(FloatingQuotaService);
    const [row] = (await ds.query("SELECT code FROM org_units WHERE kind = 'street' ORDER BY code LIMIT 1 OFFSET 3")) as Array<{
      code: string;
    }>;
    street = row!.code;
    areas = ((await ds.query('SELECT code FROM org_units WHERE parent = $1 ORDER BY code', [street])) as Array<{ code: string }>).map(
      (r) => r.code,
    );
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  const streetOperator = (): Principal => ({ sub: 'street-op', role: 'street', unit: street });
  const setPool = (value: number) => ds.query("UPDATE quotas SET value = $2 WHERE unit_code = $1 AND kind = 'floating'", [street, value]);

  it('ORG-2: loads the whole tree, and loading again changes nothing (idempotent)', async () => {
    const counts = (await ds.query('SELECT kind, count(*)::int AS n FROM org_units GROUP BY kind ORDER BY kind')) as Array<{
      kind: string;
      n: number;
    }>;
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.n]))).toEqual({ area: 6571, city: 1, district: 16, street: 215 });
    const again = await loadReferenceData(ds, TREE, catalog, 5);
    expect(again.orgUnits.inserted).toBe(0);
    expect(again.quotasCreated).toBe(0);
  });

  it('QUOTA-1/2: every area has a stored quota inside its range, computed from its households, with the explanation', async () => {
    const rows = (await ds.query(
      `SELECT u.households, q.value, q.min, q.max, q.explanation, q.policy_version FROM quotas q JOIN org_units u ON u.code = q.unit_code WHERE q.kind = 'area'`,
    )) as Array<{
      households: number;
      value: number;
      min: number;
      max: number;
      explanation: { rules: Array<{ id: string }>; inputs: { households: number } };
      policy_version: string;
    }>;
    expect(rows).toHaveLength(6571);
    for (const r of rows) {
      // Independently of the code under test: QUOTA-1 7..11, QUOTA-2 one per complete 400 (min) / 300 (max) households above 2,000.
      const further = Math.max(0, r.households - 2000);
      expect([r.min, r.max]).toEqual([7 + Math.floor(further / 400), 11 + Math.floor(further / 300)]);
      expect(r.value).toBeGreaterThanOrEqual(r.min);
      expect(r.value).toBeLessThanOrEqual(r.max);
      expect(r.explanation.inputs.households).toBe(r.households);
    }
    expect(rows[0]!.explanation.rules.map((x) => x.id)).toEqual(expect.arrayContaining(['QUOTA-1', 'QUOTA-2', 'QUOTA-5']));
    expect(new Set(rows.map((r) => r.policy_version))).toEqual(new Set(['2016-current']));
  });

  it('QUOTA-3/QUOTA-4: each street has centres of 80 and a floating quota of 5% of its areas, rounded up', async () => {
    const rows = (await ds.query(
      `SELECT s.code, c.value AS centre, f.value AS floating, (SELECT sum(a.value) FROM quotas a WHERE a.kind = 'area' AND left(a.unit_code, 9) = s.code)::int AS area_sum
         FROM org_units s JOIN quotas c ON c.unit_code = s.code AND c.kind = 'centre' JOIN quotas f ON f.unit_code = s.code AND f.kind = 'floating'
        WHERE s.kind = 'street'`,
    )) as Array<{ code: string; centre: number; floating: number; area_sum: number }>;
    expect(rows).toHaveLength(215);
    for (const r of rows) {
      expect(r.centre).toBe(80);
      expect(r.floating).toBe(Math.ceil((r.area_sum * 5) / 100));
    }
  });

  it('GET quota of a district sums its areas and street centres, with the rule IDs', async () => {
    const district = street.slice(0, 6);
    const answer = await quotas.forUnit(district, city);
    const [expected] = (await ds.query(
      `SELECT sum(value) FILTER (WHERE kind = 'area')::int AS areas, sum(value) FILTER (WHERE kind = 'centre')::int AS centres,
              count(*) FILTER (WHERE kind = 'centre')::int AS streets FROM quotas WHERE left(unit_code, 6) = $1`,
      [district],
    )) as Array<{ areas: number; centres: number; streets: number }>;
    expect(answer.quota).toBe(expected!.areas + expected!.centres);
    expect(answer.breakdown.centres).toEqual({ units: expected!.streets, quota: expected!.streets * 80 });
    expect(answer.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['QUOTA-1', 'QUOTA-3', 'QUOTA-4']));
    const area = await quotas.forUnit(areas[0]!, city);
    expect(area.stored).toHaveLength(1);
    expect(area.stored[0]).toMatchObject({ kind: 'area', policyVersion: '2016-current' });
  });

  it('QUOTA-4: lending raises the area quota, writes audit and event in the same transaction; returning restores both', async () => {
    await setPool(10);
    const loan = await floating.lend(street, { areaCode: areas[0]!, amount: 3 }, streetOperator());
    expect(loan.balance).toEqual({ held: 10, lent: 3, available: 7 });
    const area = await quotas.forUnit(areas[0]!, city);
    expect(area.stored[0]!.borrowed).toBe(3);
    const [event] = (await ds.query("SELECT message_key, envelope FROM outbox WHERE envelope->'data'->>'loanId' = $1", [
      loan.id,
    ])) as Array<{ message_key: string; envelope: { type: string; data: { amount: number; available: number } } }>;
    expect(event).toMatchObject({
      message_key: street,
      envelope: { type: floatingQuotaLentContract.type, data: { amount: 3, available: 7 } },
    });
    const [audit] = (await ds.query("SELECT subject, outcome FROM audit_log WHERE entity = 'floating_quota_loan' AND entity_id = $1", [
      loan.id,
    ])) as unknown[];
    expect(audit).toEqual({ subject: 'street-op', outcome: 'allowed' });

    const back = await floating.giveBack(street, loan.id, streetOperator());
    expect(back).toMatchObject({ status: 'returned', balance: { held: 10, lent: 0, available: 10 } });
    expect((await quotas.forUnit(areas[0]!, city)).stored[0]!.borrowed).toBe(0);
    await expect(floating.giveBack(street, loan.id, streetOperator())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('QUOTA-4: a loan larger than what is left is refused with FLOATING_QUOTA_EXHAUSTED and the figures, changing nothing', async () => {
    await setPool(4);
    await floating.lend(street, { areaCode: areas[1]!, amount: 3 }, city);
    const refused = await floating.lend(street, { areaCode: areas[2]!, amount: 2 }, city).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'FLOATING_QUOTA_EXHAUSTED',
      details: { rule: 'QUOTA-4', held: 4, lent: 3, available: 1, requested: 2 },
    });
    const [pool] = (await ds.query("SELECT lent FROM quotas WHERE unit_code = $1 AND kind = 'floating'", [street])) as Array<{
      lent: number;
    }>;
    expect(pool!.lent).toBe(3);
    const [area] = (await ds.query("SELECT borrowed FROM quotas WHERE unit_code = $1 AND kind = 'area'", [areas[2]])) as Array<{
      borrowed: number;
    }>;
    expect(area!.borrowed).toBe(0);
    // Tidy up for the next test.
    for (const l of (await floating.loans(street, city)).loans.filter((x) => x.status === 'open'))
      await floating.giveBack(street, l.id, city);
  });

  it('QUOTA-4: concurrent loans cannot overdraw the street (exactly the available places are granted)', async () => {
    await setPool(5);
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => floating.lend(street, { areaCode: areas[i % areas.length]!, amount: 1 }, city)),
    );
    const granted = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(granted).toHaveLength(5);
    expect(refused.every((r) => (r.reason as DomainError).code === 'FLOATING_QUOTA_EXHAUSTED')).toBe(true);
    const [pool] = (await ds.query("SELECT value, lent FROM quotas WHERE unit_code = $1 AND kind = 'floating'", [street])) as Array<{
      value: number;
      lent: number;
    }>;
    expect(pool).toEqual({ value: 5, lent: 5 });
    const [{ borrowed }] = (await ds.query(
      "SELECT sum(borrowed)::int AS borrowed FROM quotas WHERE kind = 'area' AND left(unit_code, 9) = $1",
      [street],
    )) as Array<{ borrowed: number }>;
    expect(borrowed).toBe(5);
  });

  it('ORG-2: a street operator of another street gets 404 and the denial is recorded', async () => {
    const other: Principal = {
      sub: 'intruder',
      role: 'street',
      unit: directory.unitsWithin('31', 'street').find((s) => s.code !== street)!.code,
    };
    await expect(floating.lend(street, { areaCode: areas[0]!, amount: 1 }, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(quotas.forUnit(street, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denials = (await ds.query(
      "SELECT entity FROM audit_log WHERE subject = 'intruder' AND outcome = 'denied' ORDER BY id",
    )) as Array<{ entity: string }>;
    expect(denials.map((d) => d.entity)).toEqual(['floating_quota', 'quota']);
  });

  it('relays the loan events to Kafka (cwp.workforce.quotas, keyed by street)', async () => {
    await setPool(20);
    const loan = await floating.lend(street, { areaCode: areas[0]!, amount: 1 }, city);
    const kafka: Kafka = createKafka({ clientId: testing.uniqueName('wf-quotas-it'), brokers: kafkaBrokersFrom() });
    await ensureTopics(kafka, [WORKFORCE_QUOTAS_TOPIC]);
    const publisher = new KafkaJsPublisher(kafka);
    const relay = new OutboxRelay(ds, publisher, { intervalMs: 100 });
    const collector = await testing.collectTopic(kafka, WORKFORCE_QUOTAS_TOPIC);
    await relay.start();
    try {
      const message = await testing.eventually(
        async () => collector.messages.find((m) => (m.event.data as { loanId?: string }).loanId === loan.id),
        30_000,
        'the loan event on Kafka',
      );
      expect(message.key).toBe(street);
      expect(message.event).toMatchObject({
        type: floatingQuotaLentContract.type,
        source: '/cwp/workforce',
        data: { streetCode: street, areaCode: areas[0], amount: 1 },
      });
    } finally {
      await relay.stop();
      await collector.stop();
      await publisher.disconnect();
    }
  }, 60_000);
});
