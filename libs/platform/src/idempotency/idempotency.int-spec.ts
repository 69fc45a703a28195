// Idempotency store on a real PostgreSQL schema: claim, replay, mismatch, in progress, release,
// expiry and a real race between two claims of one key.
import { createTestDataSource, type TestDataSource } from '../testing';
import { syntheticNationalId } from '../testing/national-id';
import { idempotencyMigrations } from './idempotency.migrations';
import { IdempotencyStore } from './idempotency-store';
import { requestHash } from './request-hash';

describe('IdempotencyStore (PostgreSQL)', () => {
  let ds: TestDataSource;
  let store: IdempotencyStore;
  let n = 0;
  const input = (body: unknown, key = `k-${++n}`, subject = 'alice') => ({
    subject,
    key,
    requestHash: requestHash('POST', '/api/x', body),
    method: 'POST',
    path: '/api/x',
  });

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'platform_idem_it', migrations: idempotencyMigrations });
    store = new IdempotencyStore(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('the first claim runs; a retry after completion replays status and body', async () => {
    const req = input({ a: 1 });
    expect(await store.claim(req)).toEqual({ kind: 'claimed' });
    await store.complete(req.subject, req.key, 201, { id: 7 });
    expect(await store.claim(req)).toEqual({ kind: 'replay', status: 201, body: { id: 7 } });
  });

  it('stores the answer without national ID or phone numbers in clear', async () => {
    const req = input({ a: 1 });
    await store.claim(req);
    await store.complete(req.subject, req.key, 201, { id: 8, note: 'tel 13812345678', nationalId: syntheticNationalId() });
    expect(await store.claim(req)).toEqual({ kind: 'replay', status: 201, body: { id: 8, note: 'tel [phone]', nationalId: '[REDACTED]' } });
  });

  it('the same key with a different body is a mismatch (→ 422)', async () => {
    const req = input({ a: 1 });
    await store.claim(req);
    await store.complete(req.subject, req.key, 201, {});
    expect(await store.claim({ ...req, requestHash: requestHash('POST', '/api/x', { a: 2 }) })).toEqual({ kind: 'mismatch' });
  });

  it('a duplicate while the first is running is in progress (→ 409)', async () => {
    const req = input({ a: 1 });
    expect(await store.claim(req)).toEqual({ kind: 'claimed' });
    expect(await store.claim(req)).toEqual({ kind: 'in_progress' });
  });

  it('of two concurrent claims of one key exactly one runs', async () => {
    const req = input({ race: true });
    const results = await Promise.all([store.claim(req), store.claim(req), store.claim(req)]);
    expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'in_progress')).toHaveLength(2);
  });

  it('keys belong to one subject: another operator may use the same key', async () => {
    const req = input({ a: 1 }, 'shared-key', 'alice');
    expect(await store.claim(req)).toEqual({ kind: 'claimed' });
    expect(await store.claim({ ...req, subject: 'bob' })).toEqual({ kind: 'claimed' });
  });

  it('release lets a failed request run again', async () => {
    const req = input({ a: 1 });
    await store.claim(req);
    await store.release(req.subject, req.key);
    expect(await store.claim(req)).toEqual({ kind: 'claimed' });
  });

  it('keys expire after 24 hours: an expired key is claimed afresh and purged', async () => {
    const req = input({ a: 1 });
    await store.claim(req);
    await store.complete(req.subject, req.key, 201, { old: true });
    const [{ expires_in_hours }] = (await ds.query(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS expires_in_hours FROM idempotency_keys WHERE idem_key = $1`,
      [req.key],
    )) as Array<{ expires_in_hours: number }>;
    expect(expires_in_hours).toBe(24);
    await ds.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idem_key = $1`, [req.key]);
    expect(await store.claim({ ...req, requestHash: requestHash('POST', '/api/x', { other: 1 }) })).toEqual({ kind: 'claimed' });

    const stale = input({ b: 1 });
    await store.claim(stale);
    await ds.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idem_key = $1`, [stale.key]);
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await ds.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE idem_key = $1', [stale.key])).toEqual([{ n: 0 }]);
  });
});
