import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
  code: '23505',
  constraint: 'entries_one_active_per_person_unit',
});

describe('isUniqueViolation', () => {
  it('recognises a 23505 raised through TypeORM and by pg directly', () => {
    expect(isUniqueViolation(new QueryFailedError('INSERT …', [], driverError))).toBe(true);
    expect(isUniqueViolation(driverError)).toBe(true);
  });

  it('with a constraint, only a violation of that constraint', () => {
    expect(isUniqueViolation(driverError, 'entries_one_active_per_person_unit')).toBe(true);
    expect(isUniqueViolation(driverError, 'workers_person_ref_key')).toBe(false);
  });

  it('nothing else: other SQLSTATEs, plain errors, non-objects', () => {
    expect(isUniqueViolation(Object.assign(new Error('not null'), { code: '23502' }))).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});
