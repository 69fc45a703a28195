/**
 * The `system` token matrix over every running service (issue 14: an HR system's token "may read
 * what its scope allows, never write, and each read is audited"), from each service's OpenAPI:
 * every GET answers the system token as it answers a city operator (same status), except the
 * operations data marked @NoSystemRead (audit trail, dead letters), which answer 403; every
 * POST/PUT/PATCH/DELETE answers the system token 403, except a route built for machines (one a
 * city operator may not call either); and the service's audit trail holds a read per 2xx read.
 */
import { SERVICES } from '../support/services';
import { operationsOf, pathValue, type Operation } from '../support/hostile-cases';
import type { Tier } from '../support/tier';

/** Operations data (@NoSystemRead), and payroll's bank file, city-only by the pay-runs service's own rule. */
const NO_SYSTEM_READ = /\/(audit|dead-letters)(\/|$)|\/bank\.csv$/;
/** Routes for the public (applicants, raters with a one-time code): no operator token is their gate. */
const PUBLIC_ROUTE = /\/public\//;

function urlOf(service: string, op: Operation): string {
  return op.path.slice(`/api/${service}`.length).replace(/\{(\w+)\}/g, (_m, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(pathValue(name, param?.schema));
  });
}

export function systemTokenSuite(tier: Tier, documents: Map<string, Record<string, any>>): void {
  describe.each(SERVICES.map((s) => s.name))('%s with a system token', (service) => {
    it('reads what a city operator reads (operations data excepted), writes nothing, each read audited', async () => {
      const operations = operationsOf(documents.get(service)!, `/api/${service}/`);
      expect(operations.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      let reads = 0;
      let refusedWrites = 0;
      for (const op of operations) {
        const url = urlOf(service, op);
        const line = `${op.method} ${op.path}`;
        if (op.method === 'GET') {
          const [system, city] = [
            await tier.call(service, 'GET', url, { token: 'system', quiet: true }),
            await tier.call(service, 'GET', url, { token: 'city', quiet: true }),
          ];
          const expected = NO_SYSTEM_READ.test(op.path) ? 403 : city.status;
          if (system.status !== expected) wrong.push(`${line}: system ${system.status}, expected ${expected} (city ${city.status})`);
          // Equal statuses are not enough: two 500s agree (issue 8: a query no worker took answered 500 to both).
          if (city.status >= 500) wrong.push(`${line}: city ${city.status}`);
          if (system.status >= 200 && system.status < 300) reads++;
        } else if (!PUBLIC_ROUTE.test(op.path)) {
          const system = await tier.call(service, op.method, url, { token: 'system', quiet: true, ...(op.body ? { body: {} } : {}) });
          if (system.status === 403) {
            refusedWrites++;
            continue;
          }
          // A machine-only route (city refused too) is the one a system token may call.
          const city = await tier.call(service, op.method, url, { token: 'city', quiet: true, ...(op.body ? { body: {} } : {}) });
          if (city.status !== 403) wrong.push(`${line}: a write answered the system token ${system.status}`);
        }
      }
      tier.say(`${service}: system token read ${reads} GET route(s) with 2xx, was refused ${refusedWrites} write(s)`);
      expect(wrong).toEqual([]);
      const [audited] = await tier.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${tier.definition(service).schema(tier.run)}.audit_log WHERE role = 'system' AND subject = $1 AND action = 'read'`,
        [`rel-${tier.run}-system`],
      );
      expect(audited!.n).toBeGreaterThanOrEqual(reads);
    });
  });
}
