/**
 * Hostile input against every operation of every running service, generated from each service's
 * OpenAPI (support/hostile-cases.ts): deep nesting, control characters, prototype keys, wrong
 * types, nulls, huge and negative numbers, impossible dates, oversize bodies, injection strings.
 * Zero 5xx, zero stack traces or driver messages, zero prototype pollution; each refusal of input
 * the edge must refuse is a 400 naming the field (issue 8, defects 1–5).
 */
import { SERVICES } from '../support/services';
import { hostileCases, LEAK, operationsOf, type HostileCase, type Operation } from '../support/hostile-cases';
import type { Tier, TokenName } from '../support/tier';

function namesField(body: any, field: string): boolean {
  if (!body || typeof body !== 'object') return false;
  const fields: string[] = [body.field, ...(Array.isArray(body.errors) ? body.errors.map((e: { field: string }) => e.field) : [])].filter(
    Boolean,
  );
  return fields.some((f) => f === field || f.startsWith(`${field}.`));
}

export function abuseSuite(tier: Tier, documents: Map<string, Record<string, any>>): void {
  describe.each(SERVICES.map((s) => s.name))('%s under hostile input', (service) => {
    it('every generated case: no 5xx, no leak, a 400 naming the field where the edge must refuse', async () => {
      const document = documents.get(service)!;
      const operations = operationsOf(document, `/api/${service}/`);
      expect(operations.length).toBeGreaterThan(0);
      const cases: HostileCase[] = operations.flatMap((op) => hostileCases(document, op));
      // Each operation is attacked as a role that may call it (a 403 would hide its validation):
      // the city, else the district, else the street of the tier's units, else a system (machine-only routes).
      const tokenOf = new Map<Operation, TokenName>();
      for (const op of operations) {
        const sample = cases.find((c) => c.operation === op);
        if (!sample) continue;
        for (const token of ['city', 'district', 'street', 'system'] as const) {
          tokenOf.set(op, token);
          const probe = await tier.call(service, op.method, sample.url, { token, quiet: true, ...(op.body ? { body: {} } : {}) });
          if (probe.status !== 403) break;
        }
      }
      const wrong: string[] = [];
      let refusedNaming = 0;
      const statusCounts: Record<number, number> = {};
      // A few at a time: enough to finish quickly, few enough for a busy 2-core machine.
      const queue = [...cases];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) {
            const { operation } = c;
            const answer = await tier
              .call(service, operation.method, c.url, {
                token: tokenOf.get(operation)!,
                ...(c.raw !== undefined ? { raw: c.raw } : {}),
                quiet: true,
              })
              .catch((error: Error) => ({ status: 0, text: `no answer: ${error.name}`, body: undefined, ms: 0 }));
            statusCounts[answer.status] = (statusCounts[answer.status] ?? 0) + 1;
            const problems: string[] = [];
            if (answer.status === 0) problems.push(answer.text);
            if (answer.status >= 500) problems.push(`answered ${answer.status}`);
            if (LEAK.test(answer.text)) problems.push('leaked internals');
            if (answer.text.includes('polluted')) problems.push('echoed a prototype key');
            if (answer.status >= 400 && (typeof answer.body?.code !== 'string' || typeof answer.body?.requestId !== 'string'))
              problems.push('error body without code/requestId');
            if (c.status !== undefined && answer.status !== c.status) problems.push(`expected ${c.status}`);
            if (c.mustRefuseNaming !== undefined) {
              if (answer.status !== 400 || !namesField(answer.body, c.mustRefuseNaming))
                problems.push(`expected 400 naming ${c.mustRefuseNaming}`);
              else refusedNaming++;
            }
            const line = `${operation.method} ${c.url.slice(0, 90)} [${c.label}] → ${answer.status} ${answer.text.slice(0, 140).replace(/\s+/g, ' ')}`;
            if (problems.length > 0) {
              wrong.push(`${line}  ✗ ${problems.join(', ')}`);
              tier.say(`✗ ${line} (${problems.join(', ')})`);
            } else {
              // Every case sent and the status seen, in the run's transcript.txt (stdout gets the summary).
              tier.note(`✓ ${line}`);
            }
          }
        }),
      );
      const byStatus = statusCounts;
      tier.say(`${service}: answers by status ${JSON.stringify(byStatus)}; every case in ${tier.logDir}/transcript.txt`);
      tier.say(
        `${service}: ${operations.length} operations, ${cases.length} hostile requests, ${refusedNaming} refused naming the field, ${wrong.length} wrong`,
      );
      expect(wrong).toEqual([]);
    }, 600_000);

    it('no prototype was polluted: a fresh object in each list answer has no foreign keys', async () => {
      const document = documents.get(service)!;
      const lists = operationsOf(document, `/api/${service}/`).filter((op) => op.method === 'GET' && !op.path.includes('{'));
      for (const op of lists) {
        const res = await tier.call(service, 'GET', op.path.slice(`/api/${service}`.length), { token: 'city' });
        expect(res.status).toBeLessThan(500);
        expect(res.text).not.toContain('polluted');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}
