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
  /** The row's key: a uuid, or a text code such as a unit code (see KeysetKeyType). */
  id: string;
}

/**
 * The type of the key that breaks updated_at ties: `uuid` (most aggregates) or `text` (unit
 * codes; the column must have a deterministic collation such as "C" so the order is stable).
 */
export type KeysetKeyType = 'uuid' | 'text';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const KEY_PATTERN: Record<KeysetKeyType, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  // Printable ASCII codes; empty is the start position (sorts before every code).
  text: /^[\x21-\x7e]{0,64}$/,
};
/** The key that sorts before every row's, so `(updated_at, key) > (t, first)` includes rows at t. */
const FIRST_KEY: Record<KeysetKeyType, string> = { uuid: '00000000-0000-0000-0000-000000000000', text: '' };

/** The select-list expression giving a row's position (`alias.updated_at` as UTC text with microseconds). */
export function keysetPositionSql(alias: string, updatedColumn = 'updated_at'): string {
  return `to_char(${alias}.${updatedColumn} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString('base64url');
}

/** A cursor from a previous page; anything else is 400 VALIDATION_FAILED on `field`. */
export function decodeKeysetCursor(raw: string, field = 'cursor', keyType: KeysetKeyType = 'uuid'): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [updatedAt, id] = parsed as unknown[];
    if (typeof updatedAt === 'string' && INSTANT.test(updatedAt) && typeof id === 'string' && KEY_PATTERN[keyType].test(id))
      return { updatedAt, id };
  }
  throw DomainError.validation(field, `${field} must be the nextCursor of a previous page, unchanged`);
}

/** Before every row at `updatedAt` (its key sorts first). */
export function keysetAt(updatedAt: string, keyType: KeysetKeyType = 'uuid'): KeysetPosition {
  return { updatedAt, id: FIRST_KEY[keyType] };
}

/** Where a walk starts: after `cursor` when given, else at `updatedSince` (inclusive), else at the beginning. */
export function keysetStart(query: { cursor?: string; updatedSince?: string }, keyType: KeysetKeyType = 'uuid'): KeysetPosition {
  if (query.cursor) return decodeKeysetCursor(query.cursor, 'cursor', keyType);
  return keysetAt(query.updatedSince ?? '1970-01-01T00:00:00Z', keyType);
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

/** The columns a walk orders by: by default `updated_at` and a uuid `id`. */
export interface KeysetColumns {
  /** The row's change instant (timestamptz; default `updated_at`). */
  updatedColumn?: string;
  /** The key column (default `id`); the select list must return it as `id`. */
  keyColumn?: string;
  keyType?: KeysetKeyType;
}

/**
 * One page of a walk: `(alias.updated_at, alias.id) > start` and before the horizon, in
 * (updated_at, id) order (other column names and a text key through KeysetColumns). `where` is
 * the caller's scope filter using parameters $1..$n of `params`; the keyset parameters follow
 * them. Rows come back with `keysetPosition`.
 */
export async function keysetPage<T>(
  em: EntityManager,
  options: KeysetColumns & {
    table: string;
    alias: string;
    columns: string;
    where: string;
    params: unknown[];
    start: KeysetPosition;
    limit: number;
  },
): Promise<{ rows: Array<KeysetRow<T>>; nextCursor: string; hasMore: boolean }> {
  const horizon = await keysetHorizon(em);
  const { table, alias, columns, where, params, start, limit } = options;
  const updated = `${alias}.${options.updatedColumn ?? 'updated_at'}`;
  const key = `${alias}.${options.keyColumn ?? 'id'}`;
  const n = params.length;
  const rows = (await em.query(
    `SELECT ${columns}, ${keysetPositionSql(alias, options.updatedColumn)} AS "keysetPosition" FROM ${table} ${alias}
      WHERE ${where} AND (${updated}, ${key}) > ($${n + 1}::timestamptz, $${n + 2}::${options.keyType ?? 'uuid'})
        AND ${updated} < $${n + 3}::timestamptz
      ORDER BY ${updated}, ${key} LIMIT $${n + 4}`,
    [...params, start.updatedAt, start.id, horizon, limit],
  )) as Array<KeysetRow<T>>;
  const last = rows[rows.length - 1];
  // A short page still returns a cursor: the integrator keeps it and asks again later for what changed since.
  const next = last ? { updatedAt: last.keysetPosition, id: last.id } : start;
  return { rows, nextCursor: encodeKeysetCursor(next), hasMore: rows.length === limit };
}
