import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { redact } from '../logging/redact';

export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotencyClaimInput {
  subject: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
}

export type IdempotencyClaim =
  { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'in_progress' } | { kind: 'mismatch' };

/**
 * The idempotency_keys table. Claiming is one INSERT … ON CONFLICT statement, so two concurrent
 * requests with one key cannot both run: the second waits for the first's row, then sees it.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim> {
    // An expired row (older than the TTL) is taken over as if it did not exist.
    const claimed = (await this.dataSource.query(
      `INSERT INTO idempotency_keys (subject, idem_key, request_hash, method, path, state, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in_progress', now() + make_interval(hours => $6))
       ON CONFLICT (subject, idem_key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, method = EXCLUDED.method, path = EXCLUDED.path,
             state = 'in_progress', response_status = NULL, response_body = NULL,
             created_at = now(), completed_at = NULL, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= now()
       RETURNING subject`,
      [input.subject, input.key, input.requestHash, input.method, input.path, IDEMPOTENCY_TTL_HOURS],
    )) as unknown[];
    if (claimed.length === 1) return { kind: 'claimed' };

    const rows = (await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE subject = $1 AND idem_key = $2`,
      [input.subject, input.key],
    )) as Array<{ request_hash: string; state: string; response_status: number | null; response_body: unknown }>;
    const row = rows[0];
    // Released between our two statements (the first attempt failed): let the caller retry once more.
    if (!row) return this.claim(input);
    if (row.request_hash !== input.requestHash) return { kind: 'mismatch' };
    if (row.state !== 'completed') return { kind: 'in_progress' };
    return { kind: 'replay', status: row.response_status ?? 200, body: row.response_body };
  }

  /**
   * Stores the answer to replay. It is redacted like a log line: this table is a copy of
   * responses kept for a day, and national ID or phone numbers must not pile up in it in clear.
   */
  async complete(subject: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4, completed_at = now()
       WHERE subject = $1 AND idem_key = $2`,
      [subject, key, status, JSON.stringify(redact(body ?? null))],
    );
  }

  /** The request failed and changed nothing (its transaction rolled back): a retry may run again. */
  async release(subject: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE subject = $1 AND idem_key = $2 AND state = 'in_progress'`, [
      subject,
      key,
    ]);
  }

  /** Deletes expired keys in bounded batches; returns how many went. */
  async purgeExpired(batchSize = 1_000): Promise<number> {
    const rows = (await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1) RETURNING 1`,
      [batchSize],
    )) as unknown[];
    return rows.length;
  }
}
