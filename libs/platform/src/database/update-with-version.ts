import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors';
import { quoteIdentifier } from './sql-identifier';

export type ColumnChanges = Record<string, unknown>;

/**
 * Optimistic concurrency done right (ARCHITECTURE.md "Inside a service"): the version check is in
 * the UPDATE's WHERE clause and the row count decides, so two writers that both read version 3
 * cannot both succeed (TypeORM's @VersionColumn alone does not guard an update).
 *
 * `changes` maps column names (snake_case) to new values. Returns the new version.
 * Throws VERSION_CONFLICT (409) when the row is missing or its version moved on.
 */
export async function updateWithVersion(
  em: EntityManager,
  table: string,
  id: string | number,
  expectedVersion: number,
  changes: ColumnChanges,
): Promise<number> {
  const columns = Object.keys(changes);
  if (columns.includes('version') || columns.includes('id')) {
    throw new Error('updateWithVersion: "id" and "version" are managed by the helper, not by changes');
  }
  const assignments = columns.map((column, index) => `${quoteIdentifier(column, 'column name')} = $${index + 3}`);
  assignments.push('"version" = "version" + 1');
  const sql =
    `UPDATE ${quoteIdentifier(table, 'table name')} SET ${assignments.join(', ')} ` +
    'WHERE "id" = $1 AND "version" = $2 RETURNING "version"';
  const [rows, rowCount] = (await em.query(sql, [id, expectedVersion, ...columns.map((c) => changes[c])])) as [
    Array<{ version: number | string }>,
    number,
  ];
  if (rowCount !== 1) {
    throw DomainError.versionConflict(
      `${table} ${id} was changed by someone else (expected version ${expectedVersion}); reload and retry`,
      {
        table,
        id: String(id),
        expectedVersion,
      },
    );
  }
  return Number(rows[0]!.version);
}
