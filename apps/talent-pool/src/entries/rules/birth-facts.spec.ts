import { testing } from '@cwp/platform';
import { birthFacts } from './birth-facts';

describe('birth facts of a national ID (REC-4 age on the candidate event)', () => {
  it('reads the birth date and, from the 17th digit, the sex', () => {
    expect(birthFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(birthFacts('31010419900307123X')).toEqual({ birthDate: '1990-03-07', gender: 'male' });
    expect(birthFacts(testing.newNationalId({ birthDate: '20010517' })).birthDate).toBe('2001-05-17');
  });

  it('refuses what is not a normalized ID (a caller bug, never a request)', () => {
    expect(() => birthFacts('3101041990030712')).toThrow('normalized');
  });
});
