import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives back the returned rows. TypeORM's PostgreSQL driver answers
 * UPDATE and DELETE with `[rows, rowCount]` (SELECT and INSERT with the rows), so the raw answer
 * must not be read as rows.
 */
export async function updateReturning<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const raw: unknown = await em.query(sql, params);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
