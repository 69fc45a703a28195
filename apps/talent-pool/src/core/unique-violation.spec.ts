import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';
const ONE_ACTIVE_PER_PERSON_UNIT = 'entries_one_active_per_person_unit';

describe('isUniqueViolation (fallback 409 mapping)', () => {
  const driverError = (code: string, constraint: string) => Object.assign(new Error('duplicate key value'), { code, constraint });

  it('recognises a violation of the one-active-entry index inside a TypeORM QueryFailedError', () => {
    const error = new QueryFailedError('INSERT …', [], driverError('23505', ONE_ACTIVE_PER_PERSON_UNIT));
    expect(isUniqueViolation(error, ONE_ACTIVE_PER_PERSON_UNIT)).toBe(true);
  });

  it('ignores other constraints and other errors', () => {
    expect(isUniqueViolation(new QueryFailedError('INSERT …', [], driverError('23505', 'entries_pkey')), ONE_ACTIVE_PER_PERSON_UNIT)).toBe(false);
    expect(isUniqueViolation(new QueryFailedError('INSERT …', [], driverError('23514', ONE_ACTIVE_PER_PERSON_UNIT)), ONE_ACTIVE_PER_PERSON_UNIT)).toBe(false);
    expect(isUniqueViolation(new Error('boom'), ONE_ACTIVE_PER_PERSON_UNIT)).toBe(false);
  });
});
