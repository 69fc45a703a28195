import { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { isInScope, likePrefixPattern, scopeOf, scopeSql, whereInScope } from './scope';

const city: Principal = { sub: 'c', role: 'city', unit: '31' };
const system: Principal = { sub: 's', role: 'system', unit: '31' };
const district: Principal = { sub: 'd', role: 'district', unit: '310101' };
const street: Principal = { sub: 'st', role: 'street', unit: '310101002' };

describe('scope (ORG-2)', () => {
  it('city and system see the whole city; district and street their own code', () => {
    expect([city, system, district, street].map(scopeOf)).toEqual(['31', '31', '310101', '310101002']);
  });

  it('isInScope follows the prefix rule', () => {
    expect(isInScope(district, '310101002001')).toBe(true);
    expect(isInScope(district, '310104003')).toBe(false);
    expect(isInScope(street, '310101002')).toBe(true);
    expect(isInScope(street, '310101003')).toBe(false);
    expect(isInScope(city, '310104003001')).toBe(true);
  });

  it('escapes LIKE wildcards in the prefix', () => {
    expect(likePrefixPattern('310101')).toBe('310101%');
    expect(likePrefixPattern('31_0%\\')).toBe('31\\_0\\%\\\\%');
  });

  it('scopeSql produces a parameterised predicate and refuses SQL in the column name', () => {
    expect(scopeSql('e.unit_code', street, 3)).toEqual({ sql: 'e.unit_code LIKE $3', params: ['310101002%'] });
    expect(() => scopeSql('unit_code; DROP TABLE x', street, 1)).toThrow(/plain column/);
  });

  it('whereInScope adds a prefix predicate with its own parameter to a query builder', () => {
    const ds = new DataSource({ type: 'postgres' });
    const qb = ds.createQueryBuilder().select('e.id').from('entry', 'e');
    whereInScope(qb, 'e.unit_code', district);
    whereInScope(qb, 'e.home_unit_code', street);
    const [sql, params] = qb.getQueryAndParameters();
    expect(sql).toMatch(/e\.unit_code LIKE \$1 AND e\.home_unit_code LIKE \$2/);
    expect(params).toEqual(['310101%', '310101002%']);
  });
});
