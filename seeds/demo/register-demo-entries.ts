/**
 * Registers the demo reserve entries through the talent pool's public API, as an operator would:
 * POST /api/talent-pool/entries with a city token, a few requests at a time. The talent pool
 * writes each one its own way (row, audit row, `entry.registered.v1` in the outbox) and starts
 * its workflow. Idempotent: every entry has a fixed Idempotency-Key, so within the key's lifetime
 * (24 h) a rerun is replayed; after it, the pool's one-active-entry-per-person rule answers 409
 * DUPLICATE, which counts as already present. Any other answer stops the seed with its code.
 */
export interface RegisterDemoEntriesOptions {
  /** The talent pool's base URL, e.g. http://127.0.0.1:3002 */
  baseUrl: string;
  /** A city token whose subject is DEMO_MARK (so `created_by` marks the entries synthetic). */
  token: string;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
}

export interface RegisteredDemoEntry {
  id: string;
  expiresOn: string;
}

export interface DemoEntriesResult {
  created: number;
  /** Replayed (Idempotent-Replayed) or refused as a duplicate: registered by an earlier run. */
  present: number;
  /** The entries whose answers carried them (created or replayed), for the tour. */
  entries: RegisteredDemoEntry[];
}

export interface DemoEntryRequest {
  idempotencyKey: string;
  registration: object;
}

type Outcome = { kind: 'created' | 'replayed'; entry: RegisteredDemoEntry } | { kind: 'duplicate' };

export async function registerDemoEntries(
  plans: readonly DemoEntryRequest[],
  options: RegisterDemoEntriesOptions,
): Promise<DemoEntriesResult> {
  const url = `${options.baseUrl.replace(/\/$/, '')}/api/talent-pool/entries`;
  const result: DemoEntriesResult = { created: 0, present: 0, entries: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const plan = plans[next++]!;
      const outcome = await registerOne(url, options.token, plan);
      if (outcome.kind === 'created') result.created++;
      else result.present++;
      if (outcome.kind !== 'duplicate') result.entries.push(outcome.entry);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, plans.length) }, worker));
  return result;
}

/** The active entry expiring soonest (ties: smallest id): the one the tour shows. */
export function soonestExpiring(entries: readonly RegisteredDemoEntry[]): RegisteredDemoEntry | null {
  return [...entries].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.id.localeCompare(b.id))[0] ?? null;
}

async function registerOne(url: string, token: string, plan: DemoEntryRequest): Promise<Outcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': plan.idempotencyKey },
    body: JSON.stringify(plan.registration),
  });
  const body = (await response.json().catch(() => ({}))) as {
    id?: string;
    expiresOn?: string;
    code?: string;
    message?: string;
    field?: string;
  };
  if (response.status === 409 && body.code === 'DUPLICATE') return { kind: 'duplicate' };
  if (!response.ok || !body.id || !body.expiresOn) {
    // The error body names a code, a message and the field; never the request (it holds the ID number).
    const field = body.field ? ` (field ${body.field})` : '';
    throw new Error(
      `registering demo entry ${plan.idempotencyKey}: HTTP ${response.status} ${body.code ?? ''} ${body.message ?? ''}${field}`.trim(),
    );
  }
  const entry = { id: body.id, expiresOn: body.expiresOn };
  return { kind: response.headers.get('idempotent-replayed') === 'true' ? 'replayed' : 'created', entry };
}
