import { assertIdentifier } from '../database/sql-identifier';
import { assertTestDatabaseUrl } from './test-database';

describe('assertTestDatabaseUrl', () => {
  it('accepts a database whose name contains "test"', () => {
    expect(assertTestDatabaseUrl('postgres://u:p@h:1/cwp_test')).toBe('postgres://u:p@h:1/cwp_test');
  });

  it.each(['postgres://u:p@h:1/cwp', 'postgres://u:p@h:1/production', 'postgres://test:test@testhost:1/cwp'])('refuses %s', (url) => {
    expect(() => assertTestDatabaseUrl(url)).toThrow(/must contain "test"/);
  });

  it('refuses an unset URL', () => {
    expect(() => assertTestDatabaseUrl(undefined)).toThrow(/TEST_DATABASE_URL/);
  });
});

describe('assertIdentifier', () => {
  it.each(['talent_pool', 'outbox', '_x1'])('accepts %s', (name) => expect(assertIdentifier(name)).toBe(name));
  it.each(['Talent', 'a-b', 'x"; DROP', '', 'a'.repeat(64)])('refuses %j', (name) => expect(() => assertIdentifier(name)).toThrow());
});
