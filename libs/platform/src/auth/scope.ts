import type { ObjectLiteral, SelectQueryBuilder, UpdateQueryBuilder, DeleteQueryBuilder } from 'typeorm';
import { CITY_CODE, isCodeWithin } from '../org-units/org-unit';
import type { Principal } from './principal';

/**
 * The org-unit code prefix a principal may see (ORG-2: each operator acts only inside its own unit
 * and the units beneath it). City and system see the whole city (`31`); district and street their
 * own code.
 */
export function scopeOf(principal: Principal): string {
  switch (principal.role) {
    case 'city':
    case 'system':
      return CITY_CODE;
    case 'district':
    case 'street':
      return principal.unit;
    default: {
      const unknownRole: never = principal.role;
      throw new Error(`Unknown role ${String(unknownRole)}`);
    }
  }
}

/** Pure prefix check of a unit code against the principal's scope (no tree lookup). */
export function isInScope(principal: Principal, unitCode: string): boolean {
  return isCodeWithin(scopeOf(principal), unitCode);
}

/** `LIKE` pattern matching the subtree: the prefix with LIKE's own characters escaped, then `%`. */
export function likePrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// A column expression is written into SQL text, so only plain (optionally aliased) names pass.
const COLUMN = /^(?:[A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$|^"[a-z_][a-z0-9_]*"\."[a-z_][a-z0-9_]*"$/;

function assertColumn(column: string): string {
  if (!COLUMN.test(column)) throw new Error(`whereInScope: "${column}" is not a plain column reference`);
  return column;
}

let parameterCounter = 0;

type FilterableQueryBuilder<T extends ObjectLiteral> = SelectQueryBuilder<T> | UpdateQueryBuilder<T> | DeleteQueryBuilder<T>;

/**
 * Restricts a TypeORM query to the principal's subtree: `alias.unit_code LIKE '3101%'`. A
 * left-anchored LIKE is served by a btree index when the column is indexed with
 * `text_pattern_ops` (or declared `COLLATE "C"`): `CREATE INDEX … ON t (unit_code text_pattern_ops)`.
 */
export function whereInScope<T extends ObjectLiteral, Q extends FilterableQueryBuilder<T>>(qb: Q, column: string, principal: Principal): Q {
  const param = `cwp_scope_${++parameterCounter}`;
  return qb.andWhere(`${assertColumn(column)} LIKE :${param}`, { [param]: likePrefixPattern(scopeOf(principal)) }) as Q;
}

/**
 * The same predicate for raw SQL: `const s = scopeSql('e.unit_code', principal, 3)` gives
 * `{ sql: 'e.unit_code LIKE $3', params: ['3101%'] }` to splice into `em.query(text, [...p, ...s.params])`.
 */
export function scopeSql(column: string, principal: Principal, parameterIndex: number): { sql: string; params: string[] } {
  if (!Number.isInteger(parameterIndex) || parameterIndex < 1) throw new Error('scopeSql: parameterIndex is the 1-based $n of the pattern');
  return { sql: `${assertColumn(column)} LIKE $${parameterIndex}`, params: [likePrefixPattern(scopeOf(principal))] };
}
