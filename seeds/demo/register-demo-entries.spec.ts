import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerDemoEntries, soonestExpiring, type DemoEntryRequest } from './register-demo-entries';

/**
 * The registrar's side of the talent pool's HTTP contract (Idempotency-Key replay, 409 DUPLICATE,
 * error bodies), against a small local server that answers as the platform does. The real talent
 * pool is exercised by `npm run up` (seeds/demo/README.md).
 */
interface Seen {
  key: string | undefined;
  auth: string | undefined;
  body: unknown;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text) as unknown;
}

describe('demo city: registering reserve entries over HTTP', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Seen[] = [];
  const stored = new Map<string, string>();
  let inFlight = 0;
  let maxInFlight = 0;
  let answer: (key: string) => { status: number; body: object } | null = () => null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      void readJson(req).then((body) => {
        const key = req.headers['idempotency-key'] as string | undefined;
        seen.push({ key, auth: req.headers.authorization, body });
        setImmediate(() => {
          inFlight--;
          const special = key ? answer(key) : null;
          if (special) {
            res.writeHead(special.status, { 'content-type': 'application/json' }).end(JSON.stringify(special.body));
            return;
          }
          const replayed = key !== undefined && stored.has(key);
          const id = stored.get(key!) ?? `00000000-0000-4000-8000-${String(stored.size).padStart(12, '0')}`;
          if (key) stored.set(key, id);
          const expiresOn = `2027-${String(1 + (Number(id.slice(-2)) % 12)).padStart(2, '0')}-01`;
          res
            .writeHead(201, { 'content-type': 'application/json', ...(replayed ? { 'idempotent-replayed': 'true' } : {}) })
            .end(JSON.stringify({ id, expiresOn }));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const plans: DemoEntryRequest[] = Array.from({ length: 30 }, (_, i) => ({
    idempotencyKey: `demo-city-entry-${i}`,
    registration: { name: `n${i}` },
  }));

  it('posts each entry once with its own Idempotency-Key and the token, at most `concurrency` at a time', async () => {
    const result = await registerDemoEntries(plans, { baseUrl: `${baseUrl}/`, token: 'tok', concurrency: 4 });
    expect(result).toMatchObject({ created: 30, present: 0 });
    expect(result.entries).toHaveLength(30);
    expect(seen.map((s) => s.key).sort()).toEqual(plans.map((p) => p.idempotencyKey).sort());
    expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
    expect(seen.find((s) => s.key === 'demo-city-entry-7')!.body).toEqual({ name: 'n7' });
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('counts a replayed answer and a 409 DUPLICATE as already present, and still knows replayed ids', async () => {
    answer = (key) =>
      key === 'demo-city-entry-0' ? { status: 409, body: { code: 'DUPLICATE', message: 'already active', field: 'nationalId' } } : null;
    const result = await registerDemoEntries(plans, { baseUrl, token: 'tok' });
    expect(result).toMatchObject({ created: 0, present: 30 });
    expect(result.entries).toHaveLength(29);
  });

  it('stops on any other answer, naming the entry, the code and the field but never the request body', async () => {
    answer = (key) =>
      key === 'demo-city-entry-3'
        ? {
            status: 400,
            body: { code: 'VALIDATION_FAILED', message: 'reservePeriodMonths is outside 12..24', field: 'reservePeriodMonths' },
          }
        : null;
    const failure = registerDemoEntries([{ idempotencyKey: 'demo-city-entry-3', registration: { nationalId: '310199199001010017' } }], {
      baseUrl,
      token: 'tok',
    });
    await expect(failure).rejects.toThrow(
      'registering demo entry demo-city-entry-3: HTTP 400 VALIDATION_FAILED reservePeriodMonths is outside 12..24 (field reservePeriodMonths)',
    );
    await expect(failure).rejects.not.toThrow(/310199/);
  });

  it('picks the entry expiring soonest for the tour (ties: smallest id)', () => {
    expect(
      soonestExpiring([
        { id: 'b', expiresOn: '2027-03-01' },
        { id: 'a', expiresOn: '2027-03-01' },
        { id: 'c', expiresOn: '2028-01-01' },
      ]),
    ).toEqual({ id: 'a', expiresOn: '2027-03-01' });
    expect(soonestExpiring([])).toBeNull();
  });
});
