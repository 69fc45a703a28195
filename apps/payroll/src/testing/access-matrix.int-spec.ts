/**
 * The payroll access matrix over HTTP (ORG-2, deny by default): every role against every route.
 * A role that may not call a route at all gets 403; a record outside the caller's subtree gets 404
 * exactly like a missing one; lists and totals are limited to the caller's subtree.
 */
import type { Principal } from '@cwp/platform';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from './payroll-test-app';

jest.setTimeout(90_000);

let app: PayrollTestApp;
const DISTRICT = principalOf('district', '310101');
const STREET = principalOf('street', '310101002');
const OTHER_STREET = principalOf('street', '310104003');
const SYSTEM = principalOf('system', '31');
const IN = 'am-in'; // a worker of 310101002001

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_access_it' });
  await app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on) VALUES
       ($1, '310101002001', 'on-duty', 'recruited', 'staff', 2, '2019-01-01'), ('am-out', '310104003001', 'on-duty', 'recruited', 'staff', 2, '2019-01-01')`,
    [IN],
  );
  expect((await app.call('POST', '/api/payroll/pay-runs', { principal: CITY, body: { period: '2026-11' } })).status).toBe(201);
}, 180_000);

afterAll(() => app?.close());

type Row = [string, string, string, unknown, Record<string, number>];
const body = { year: 2020, annualFen: 9_000_000 };
const version = { basedOn: '2027-proposal', version: { id: 'am-v', effectiveFrom: '2031-01-01' } };
// route, method, url, body, expected status per role (city, district, street, otherStreet, system); the system role
// (an HR system) reads every GET a city operator may read and never writes (issue 14); the bank file stays
// city-only by the pay-runs service's own rule
const MATRIX: Row[] = [
  ['publish a wage', 'POST', '/api/payroll/wages', body, { district: 403, street: 403, system: 403 }],
  ['read wages', 'GET', '/api/payroll/wages', undefined, { city: 200, district: 200, street: 200, system: 200 }],
  ['store a policy version', 'POST', '/api/payroll/policy-versions', version, { district: 403, street: 403, system: 403 }],
  [
    'reconciliation report',
    'GET',
    '/api/payroll/workers/reconciliation',
    undefined,
    { city: 200, district: 403, street: 403, otherStreet: 403, system: 200 },
  ],
  [
    'a worker in 310101002',
    'GET',
    `/api/payroll/workers/${IN}`,
    undefined,
    { city: 200, district: 200, street: 200, otherStreet: 404, system: 200 },
  ],
  [
    'a slip in 310101002',
    'GET',
    `/api/payroll/pay-runs/2026-11/slips/${IN}`,
    undefined,
    { city: 200, district: 200, street: 200, otherStreet: 404, system: 200 },
  ],
  [
    'the month’s pools (PAY-6), scoped list',
    'GET',
    '/api/payroll/pay-runs/2026-11/pools',
    undefined,
    { city: 200, district: 200, street: 200, otherStreet: 200, system: 200 },
  ],
  ['run pay', 'POST', '/api/payroll/pay-runs', { period: '2026-10' }, { district: 403, street: 403, otherStreet: 403, system: 403 }],
  ['bank file', 'GET', '/api/payroll/pay-runs/2026-11/bank.csv', undefined, { city: 200, district: 403, street: 403, system: 403 }],
  [
    'approve a recalibration',
    'POST',
    '/api/payroll/recalibrations/2030/approve',
    { previewId: '00000000-0000-4000-8000-000000000000' },
    { district: 403, street: 403, system: 403 },
  ],
  [
    'set the multiplier',
    'PUT',
    '/api/payroll/recalibrations/2030/multiplier',
    { multiplier: 1.3, reason: 'access matrix' },
    { district: 403, street: 403, system: 403 },
  ],
  [
    'what-if',
    'POST',
    '/api/payroll/recalibrations/what-if',
    { payYear: 2027, annualWageFen: 14_000_000 },
    { city: 200, district: 403, street: 403, system: 403 },
  ],
  ['audit trail', 'GET', '/api/payroll/audit', undefined, { city: 200, district: 403, street: 403, system: 403 }],
];
const ROLES: Record<string, Principal> = { city: CITY, district: DISTRICT, street: STREET, otherStreet: OTHER_STREET, system: SYSTEM };

describe('payroll access matrix (ORG-2)', () => {
  it.each(MATRIX)('%s: each role gets the status it should', async (_name, method, url, payload, expected) => {
    for (const [role, principal] of Object.entries(ROLES)) {
      if (expected[role] === undefined) continue;
      const res = await app.call(method, url, { principal, ...(payload === undefined ? {} : { body: payload }) });
      expect(`${role} ${res.status}`).toBe(`${role} ${expected[role]}`);
    }
  });

  it('no token: 401 on every route', async () => {
    for (const [, method, url, payload] of MATRIX)
      expect((await app.call(method, url, payload === undefined ? {} : { body: payload })).status).toBe(401);
  });

  it('totals per unit are limited to the caller’s subtree', async () => {
    const street = (await app.call('GET', '/api/payroll/pay-runs/2026-11/units?level=area', { principal: STREET })).body as Array<{
      unitCode: string;
    }>;
    expect(street.map((u) => u.unitCode)).toEqual(['310101002001']);
    const city = (await app.call('GET', '/api/payroll/pay-runs/2026-11/units?level=area', { principal: CITY })).body as Array<{
      unitCode: string;
    }>;
    expect(city.map((u) => u.unitCode)).toEqual(['310101002001', '310104003001']);
  });
});
