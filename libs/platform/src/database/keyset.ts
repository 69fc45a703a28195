import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors';
import { READ_ONLY_WALK_APPLICATION } from './cursor-rows';

/**
 * Keyset ("since") walks over a table in (updated_at, id) order, for integrators that copy an
 * aggregate and then keep it current (issue 14): `?updatedSince=` starts a walk, the opaque
 * `nextCursor` of each page continues it. A row changed during the walk gets a later updated_at,
 * so it comes again further on, with its latest state: nothing is skipped, a row may come twice.
 */
export interface KeysetPosition {
  /** updated_at as PostgreSQL text in UTC with microseconds (a JS Date would drop them). */
  updatedAt: string;
  id: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The select-list expression giving a row's position (`alias.updated_at` as UTC text with microseconds). */
export function keysetPositionSql(alias: string): string {
  return `to_char(${alias}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString('base64url');
}

/** A cursor from a previous page; anything else is 400 VALIDATION_FAILED on `field`. */
export function decodeKeysetCursor(raw: string, field = 'cursor'): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [updatedAt, id] = parsed as unknown[];
    if (typeof updatedAt === 'string' && INSTANT.test(updatedAt) && typeof id === 'string' && UUID.test(id)) return { updatedAt, id };
  }
  throw DomainError.validation(field, `${field} must be the nextCursor of a previous page, unchanged`);
}

/** Before every row: the nil UUID sorts first, so `(updated_at, id) > (t, nil)` includes rows at t. */
export function keysetAt(updatedAt: string): KeysetPosition {
  return { updatedAt, id: '00000000-0000-0000-0000-000000000000' };
}

/** Where a walk starts: after `cursor` when given, else at `updatedSince` (inclusive), else at the beginning. */
export function keysetStart(query: { cursor?: string; updatedSince?: string }): KeysetPosition {
  if (query.cursor) return decodeKeysetCursor(query.cursor);
  return keysetAt(query.updatedSince ?? '1970-01-01T00:00:00Z');
}

/**
 * The instant before which every committed change is already visible, so a walk may pass it:
 * one second before the oldest transaction still open in the database (a row it writes will carry
 * an updated_at at or after its start; the second absorbs the ms rounding of a JS `new Date()`
 * and small clock differences). Read in its own statement, BEFORE the page query: everything
 * that started before the horizon had committed by then, so the later page query sees it.
 * Sessions of other database users count only when this user may see their xact_start: the
 * tables a service walks are written by that service's user. Read-only cursor walks (exports,
 * READ_ONLY_WALK_APPLICATION) are left out: they cannot hold a change.
 */
export async function keysetHorizon(em: EntityManager): Promise<string> {
  const [row] = (await em.query(
    `SELECT to_char((least(statement_timestamp(), min(xact_start)) - interval '1 second') AT TIME ZONE 'UTC',
                    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS horizon
       FROM pg_stat_activity
      WHERE datname = current_database() AND xact_start IS NOT NULL AND application_name IS DISTINCT FROM $1`,
    [READ_ONLY_WALK_APPLICATION],
  )) as Array<{ horizon: string }>;
  return row!.horizon;
}

/** A row of a walk with its position (updated_at as UTC text with microseconds). */
export type KeysetRow<T> = T & { id: string; keysetPosition: string };

/**
 * One page of a walk: `(alias.updated_at, alias.id) > start` and before the horizon, in
 * (updated_at, id) order. `where` is the caller's scope filter using parameters $1..$n of
 * `params`; the keyset parameters follow them. Rows come back with `keysetPosition`.
 */
export async function keysetPage<T>(
  em: EntityManager,
  options: { table: string; alias: string; columns: string; where: string; params: unknown[]; start: KeysetPosition; limit: number },
): Promise<{ rows: Array<KeysetRow<T>>; nextCursor: string; hasMore: boolean }> {
  const horizon = await keysetHorizon(em);
  const { table, alias, columns, where, params, start, limit } = options;
  const n = params.length;
  const rows = (await em.query(
    `SELECT ${columns}, ${keysetPositionSql(alias)} AS "keysetPosition" FROM ${table} ${alias}
      WHERE ${where} AND (${alias}.updated_at, ${alias}.id) > ($${n + 1}::timestamptz, $${n + 2}::uuid)
        AND ${alias}.updated_at < $${n + 3}::timestamptz
      ORDER BY ${alias}.updated_at, ${alias}.id LIMIT $${n + 4}`,
    [...params, start.updatedAt, start.id, horizon, limit],
  )) as Array<KeysetRow<T>>;
  const last = rows[rows.length - 1];
  // A short page still returns a cursor: the integrator keeps it and asks again later for what changed since.
  const next = last ? { updatedAt: last.keysetPosition, id: last.id } : start;
  return { rows, nextCursor: encodeKeysetCursor(next), hasMore: rows.length === limit };
}
