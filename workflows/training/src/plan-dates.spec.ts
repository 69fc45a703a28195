import { addYears, anniversariesBefore, isoDate } from './plan-dates';

describe('plan dates (TRAIN-2)', () => {
  it('TRAIN-2 the qualified check falls three years after hire', () => {
    expect(isoDate(addYears('2026-03-15', 3))).toBe('2029-03-15');
  });
  it('a 29 February hire has its anniversary on 28 February', () => {
    expect(isoDate(addYears('2028-02-29', 1))).toBe('2029-02-28');
  });
  it('TRAIN-2 reminders fall on the first and second anniversaries', () => {
    expect(anniversariesBefore('2026-03-15', 3).map(isoDate)).toEqual(['2027-03-15', '2028-03-15']);
  });
});
