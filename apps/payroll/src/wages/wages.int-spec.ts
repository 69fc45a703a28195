/**
 * The city average wage (PAY-1, PAY-3) and stored policy versions over HTTP on real PostgreSQL:
 * one wage per year, corrections only with a reason and against the revision read (audited, an
 * event each), bad input a 400 naming the field, never half stored; a version is validated by
 * libs/policy, which names the out-of-bounds field and rule.
 */
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';

jest.setTimeout(60_000);

let app: PayrollTestApp;
beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_wages_it' });
}, 120_000);
afterAll(() => app?.close());

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  ((await app.ds.query(sql, params)) as Array<{ n: number }>)[0]!.n;

describe('city average wage (PAY-3)', () => {
  it('PAY-3: published once per year by the city; a second publication is 409, other roles 403', async () => {
    const first = await app.call('POST', '/api/payroll/wages', { principal: CITY, body: { year: 2025, annualFen: 14_000_000 } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ year: 2025, annualFen: 14_000_000, revision: 1, corrections: [] });
    const again = await app.call('POST', '/api/payroll/wages', { principal: CITY, body: { year: 2025, annualFen: 15_000_000 } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', field: 'year', details: { reason: 'WAGE_ALREADY_PUBLISHED', rule: 'PAY-3' } });
    expect(
      (await app.call('POST', '/api/payroll/wages', { principal: principalOf('district', '310101'), body: { year: 2024, annualFen: 1 } }))
        .status,
    ).toBe(403);
    expect(
      await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.payroll.wage.published.v1' AND message_key = '2025'"),
    ).toBe(1);
    expect((await app.call('GET', '/api/payroll/wages/2025', { principal: principalOf('street', '310101002') })).body.annualFen).toBe(
      14_000_000,
    );
  });

  it.each([
    [{ year: 2025.5, annualFen: 1 }, 'year'],
    [{ year: 2024, annualFen: 0 }, 'annualFen'],
    [{ year: 2024, annualFen: '14000000' }, 'annualFen'],
    [{ year: 2024 }, 'annualFen'],
    [{ year: 2024, annualFen: 1, extra: true }, 'extra'],
    [{ year: 2199, annualFen: 14_000_000 }, 'year'],
  ])('bad input %j is a 400 naming %s, and nothing is stored', async (body, field) => {
    const res = await app.call('POST', '/api/payroll/wages', { principal: CITY, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain(field);
    expect(await count('SELECT count(*)::int AS n FROM city_average_wages WHERE year <> 2025')).toBe(0);
  });

  it('PAY-3: a correction needs a reason and the revision read; it is audited and announced', async () => {
    expect(
      (await app.call('PUT', '/api/payroll/wages/2025', { principal: CITY, body: { annualFen: 14_100_000, revision: 1 } })).status,
    ).toBe(400);
    const stale = await app.call('PUT', '/api/payroll/wages/2025', {
      principal: CITY,
      body: { annualFen: 14_100_000, revision: 7, reason: 'Bureau revision' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', field: 'revision' });
    const ok = await app.call('PUT', '/api/payroll/wages/2025', {
      principal: CITY,
      body: { annualFen: 14_100_000, revision: 1, reason: 'Bureau revision' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      annualFen: 14_100_000,
      revision: 2,
      corrections: [{ revision: 2, previousFen: 14_000_000, annualFen: 14_100_000, reason: 'Bureau revision', correctedBy: CITY.sub }],
    });
    const audit = (await app.ds.query(
      "SELECT action, changed_fields FROM audit_log WHERE entity = 'CityAverageWage' AND entity_id = '2025' ORDER BY occurred_at",
    )) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['publish', 'correct']);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.payroll.wage.published.v1' AND message_key = '2025' AND (envelope->'data'->>'correction')::boolean",
      ),
    ).toBe(1);
    expect(
      (
        await app.call('PUT', '/api/payroll/wages/2019', {
          principal: CITY,
          body: { annualFen: 1, revision: 1, reason: 'Bureau revision' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('policy parameter versions', () => {
  it('PAY-3: libs/policy names the out-of-bounds field (pay.multiplier: 1.6 is outside 1..1.5) and nothing is stored', async () => {
    const res = await app.call('POST', '/api/payroll/policy-versions', {
      principal: CITY,
      body: { basedOn: '2027-proposal', version: { id: '2028-too-generous', effectiveFrom: '2028-01-01', pay: { multiplier: 1.6 } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)');
    expect(res.body.field).toBe('pay.multiplier');
    expect(await count('SELECT count(*)::int AS n FROM policy_versions')).toBe(0);
  });

  it('stores a valid version from a date (audited), lists it beside the shipped ones, refuses the same id again', async () => {
    const body = {
      basedOn: '2027-proposal',
      version: { id: '2028-city', effectiveFrom: '2028-01-01', note: 'City decision', pay: { multiplier: 1.3 } },
    };
    const res = await app.call('POST', '/api/payroll/policy-versions', { principal: CITY, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: '2028-city',
      effectiveFrom: '2028-01-01',
      source: 'stored',
      pay: { multiplier: 1.3, band: { min: 1, max: 1.5 } },
    });
    const list = await app.call('GET', '/api/payroll/policy-versions', { principal: principalOf('street', '310101002') });
    expect(list.body.map((v: { id: string; source: string }) => `${v.id}:${v.source}`)).toEqual([
      '2016-current:shipped',
      '2027-proposal:shipped',
      '2028-city:stored',
    ]);
    expect((await app.call('POST', '/api/payroll/policy-versions', { principal: CITY, body })).status).toBe(409);
    expect((await app.call('POST', '/api/payroll/policy-versions', { principal: principalOf('district', '310101'), body })).status).toBe(
      403,
    );
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'PolicyVersion' AND action = 'store'")).toBe(1);
  });
});
