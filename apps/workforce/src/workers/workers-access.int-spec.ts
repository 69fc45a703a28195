/**
 * ORG-2 access matrix over HTTP: every operator role against workers and units inside and outside
 * its scope, for reads, lists and writes, on a real Nest app and real PostgreSQL. City operators
 * see everything; a district only its district; a street only its street and areas. Outside the
 * scope the answer is 404 exactly like a missing id, and the denial is in the audit trail.
 */
import type { Principal } from '@cwp/platform';
import {
  AREA_A1_1,
  AREA_A1_2,
  AREA_A2_1,
  AREA_B1_1,
  DISTRICT_A,
  DISTRICT_B,
  STREET_A1,
  STREET_A2,
  STREET_B1,
  cityPrincipal,
  newHire,
  principalOf,
} from './testing/workers-int-context';
import { startWorkersHttpApp, type WorkersHttpApp } from './testing/workers-http-app';

let http: WorkersHttpApp;
const API = '/api/workforce/workers';

const PRINCIPALS: Record<string, Principal> = {
  city: cityPrincipal,
  districtA: principalOf('district', DISTRICT_A),
  districtB: principalOf('district', DISTRICT_B),
  streetA1: principalOf('street', STREET_A1),
  streetA2: principalOf('street', STREET_A2),
  streetB1: principalOf('street', STREET_B1),
};
/** Workers hired before the matrix runs, one per unit. */
const UNITS = { inA1: AREA_A1_1, inA2: AREA_A2_1, inB1: AREA_B1_1 } as const;
type Target = keyof typeof UNITS;
const workerIds = {} as Record<Target, string>;

const scope = (p: Principal): string => (p.role === 'city' ? '31' : p.unit);
const sees = (p: Principal, unit: string): boolean => unit.startsWith(scope(p));

async function deniedRows(p: Principal, entityId: string, action: string): Promise<number> {
  const [row] = (await http.ds.query(
    "SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1 AND entity_id = $2 AND action = $3",
    [p.sub, entityId, action],
  )) as Array<{ n: number }>;
  return row!.n;
}

async function version(id: string): Promise<number> {
  const [row] = (await http.ds.query('SELECT version FROM workers WHERE id = $1', [id])) as Array<{ version: number }>;
  return row!.version;
}

beforeAll(async () => {
  http = await startWorkersHttpApp('wf_access_it');
  for (const target of Object.keys(UNITS) as Target[]) {
    const res = await http.call('POST', API, { principal: cityPrincipal, body: newHire({ unitCode: UNITS[target] }) });
    expect(res.status).toBe(201);
    workerIds[target] = res.body.id as string;
  }
});
afterAll(async () => {
  await http?.close();
});

/** Every (operator, worker) pair with whether the operator's scope holds the worker's unit. */
const pairs = Object.entries(PRINCIPALS).flatMap(([who, principal]) =>
  (Object.keys(UNITS) as Target[]).map((target) => ({ who, principal, target, visible: sees(principal, UNITS[target]) })),
);

/** One request per operation; `action` is what a denial is audited as. */
const OPERATIONS: Array<{
  op: string;
  action: string;
  /** Status when the caller may act (the request itself is built to answer this, changing nothing lasting). */
  allowed: number;
  run: (p: Principal, id: string, unit: string) => Promise<{ status: number; body: any }>;
  deniedEntity: (id: string, unit: string) => string;
}> = [
  {
    op: 'GET /workers/:id',
    action: 'read',
    allowed: 200,
    run: (p, id) => http.call('GET', `${API}/${id}`, { principal: p }),
    deniedEntity: (id) => id,
  },
  {
    op: 'GET /workers?unit=',
    action: 'list',
    allowed: 200,
    run: (p, _id, unit) => http.call('GET', `${API}?unit=${unit}`, { principal: p }),
    deniedEntity: (_id, unit) => unit,
  },
  {
    op: 'PATCH /workers/:id',
    action: 'update',
    allowed: 200,
    run: async (p, id) =>
      http.call('PATCH', `${API}/${id}`, { principal: p, body: { version: await version(id), postLevel: 2 + ((await version(id)) % 10) } }),
    deniedEntity: (id) => id,
  },
  {
    op: 'POST /workers/:id/leave then /return',
    action: 'leave',
    allowed: 200,
    run: async (p, id) => {
      const left = await http.call('POST', `${API}/${id}/leave`, { principal: p, body: {} });
      if (left.status !== 200) return left;
      return http.call('POST', `${API}/${id}/return`, { principal: p, body: {} });
    },
    deniedEntity: (id) => id,
  },
  // In scope these reach the rules and are refused there (no lasting change): proof the scope check passed.
  {
    op: 'POST /workers/:id/promotions',
    action: 'promote',
    allowed: 422,
    run: (p, id) => http.call('POST', `${API}/${id}/promotions`, { principal: p, body: { toTitle: 'junior' } }),
    deniedEntity: (id) => id,
  },
  {
    op: 'POST /workers/:id/exit',
    action: 'exit',
    allowed: 422,
    run: (p, id) =>
      http.call('POST', `${API}/${id}/exit`, { principal: p, body: { cause: 're-election-not-returned', effectiveOn: '2026-06-30' } }),
    deniedEntity: (id) => id,
  },
  {
    op: 'POST /workers/:id/transfer (same unit)',
    action: 'transfer',
    allowed: 400,
    run: (p, id, unit) => http.call('POST', `${API}/${id}/transfer`, { principal: p, body: { toUnit: unit } }),
    deniedEntity: (id) => id,
  },
  {
    op: 'POST /workers (hire into the unit)',
    action: 'hire',
    allowed: 201,
    run: (p, _id, unit) => http.call('POST', API, { principal: p, body: newHire({ unitCode: unit }) }),
    deniedEntity: (_id, unit) => unit,
  },
];

const matrix = pairs.flatMap((pair) =>
  OPERATIONS.map((operation) => ({ ...pair, ...operation, expected: pair.visible ? operation.allowed : 404 })),
);

describe('ORG-2 access matrix (role × unit in/out of scope × operation)', () => {
  it.each(matrix)(
    '$who $op on the worker $target → $expected',
    async ({ principal, target, run, expected, visible, action, deniedEntity }) => {
      const id = workerIds[target];
      const unit = UNITS[target];
      const before = await deniedRows(principal, deniedEntity(id, unit), action);
      const res = await run(principal, id, unit);
      expect({ status: res.status, code: res.body?.code }).toEqual({ status: expected, code: visible ? res.body?.code : 'NOT_FOUND' });
      if (!visible) {
        // Exactly like a missing record: no hint the worker exists, and the attempt is on record.
        expect(JSON.stringify(res.body)).not.toMatch(/scope|forbidden/i);
        expect(await deniedRows(principal, deniedEntity(id, unit), action)).toBe(before + 1);
      } else {
        expect(await deniedRows(principal, deniedEntity(id, unit), action)).toBe(before);
      }
    },
  );

  it.each(Object.entries(PRINCIPALS))('%s lists exactly the workers of its subtree', async (_who, principal) => {
    const res = await http.call('GET', `${API}?pageSize=200`, { principal });
    expect(res.status).toBe(200);
    const units: string[] = res.body.items.map((w: { unitCode: string }) => w.unitCode);
    expect(units.every((u) => sees(principal, u))).toBe(true);
    for (const target of Object.keys(UNITS) as Target[]) {
      expect(res.body.items.some((w: { id: string }) => w.id === workerIds[target])).toBe(sees(principal, UNITS[target]));
    }
  });
});

describe('ORG-2 transfers need both units in scope', () => {
  const cases: Array<{ who: keyof typeof PRINCIPALS; to: string; expected: number; field?: string }> = [
    { who: 'streetA1', to: AREA_A1_2, expected: 200 },
    { who: 'streetA1', to: AREA_A2_1, expected: 404, field: 'toUnit' },
    { who: 'districtA', to: AREA_A2_1, expected: 200 },
    { who: 'districtA', to: AREA_B1_1, expected: 404, field: 'toUnit' },
    { who: 'city', to: AREA_B1_1, expected: 200 },
    { who: 'districtB', to: AREA_B1_1, expected: 404 },
    { who: 'streetB1', to: AREA_B1_1, expected: 404 },
  ];

  it.each(cases)('$who moves a worker of area 310101002001 to $to → $expected', async ({ who, to, expected, field }) => {
    const hired = await http.call('POST', API, { principal: cityPrincipal, body: newHire({ unitCode: AREA_A1_1 }) });
    const principal = PRINCIPALS[who]!;
    const res = await http.call('POST', `${API}/${hired.body.id}/transfer`, { principal, body: { toUnit: to } });
    expect(res.status).toBe(expected);
    if (expected === 200) expect(res.body.unitCode).toBe(to);
    else {
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body.field).toBe(field);
      expect(await deniedRows(principal, field ? to : hired.body.id, 'transfer')).toBe(1);
      const [row] = (await http.ds.query('SELECT unit_code FROM workers WHERE id = $1', [hired.body.id])) as Array<{ unit_code: string }>;
      expect(row!.unit_code).toBe(AREA_A1_1);
    }
  });
});

describe('roles outside the operator roles', () => {
  it('a system token (an HR system) reads the roster city-wide but never writes (403; issue 14), and no token is 401', async () => {
    expect((await http.call('GET', API, { principal: principalOf('system', '31') })).status).toBe(200);
    expect((await http.call('POST', API, { principal: principalOf('system', '31'), body: newHire() })).status).toBe(403);
    expect((await http.call('GET', API)).status).toBe(401);
    expect((await http.call('POST', API, { body: newHire() })).status).toBe(401);
  });
});
