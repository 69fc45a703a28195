import { checkNationalId, nationalIdCheckChar } from './check-national-id';

const today = new Date('2026-11-24T00:00:00Z');
/** Builds a number with a correct check character (tested separately against the standard's example). */
const withCheck = (first17: string): string => first17 + nationalIdCheckChar(first17);

describe('GB 11643-1999 national ID check', () => {
  it('accepts the example number of the standard, 11010519491231002X', () => {
    expect(checkNationalId('11010519491231002X', today)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts a lower-case x and normalises it to X', () => {
    const r = checkNationalId('11010519491231002x', today);
    expect(r).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it('reads the sex from the 17th digit (odd = male)', () => {
    expect(checkNationalId(withCheck('31010119900101123'), today)).toMatchObject({ valid: true, sex: 'male' });
    expect(checkNationalId(withCheck('31010119900101124'), today)).toMatchObject({ valid: true, sex: 'female' });
  });

  it('computes every check character of the table 1 0 X 9 8 7 6 5 4 3 2', () => {
    const seen = new Set<string>();
    for (let seq = 100; seq < 400; seq++) seen.add(nationalIdCheckChar(`31010119900101${seq}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it.each(['', '1234', '11010519491231002', '11010519491231002XX', '1101051949123100Y2', '11010519491231002Y', 'X1010519491231002X'])(
    'rejects %p as a format problem',
    (v) => {
      expect(checkNationalId(v, today)).toMatchObject({ valid: false, problem: 'format' });
    },
  );

  it('rejects a wrong check character', () => {
    expect(checkNationalId('110105194912310021', today)).toMatchObject({ valid: false, problem: 'check-digit' });
  });

  it.each([
    ['19900230', 'February 30th'],
    ['19010229', 'February 29th of a non-leap year'],
    ['19901301', 'month 13'],
    ['19900100', 'day 0'],
    ['18991231', 'a birth year before 1900'],
    ['20261125', 'tomorrow'],
  ])('rejects birth date %s (%s)', (date) => {
    expect(checkNationalId(withCheck(`310101${date}123`), today)).toMatchObject({ valid: false, problem: 'birth-date' });
  });

  it('accepts 29 February of a leap year and a birth on today (in China, UTC+8)', () => {
    expect(checkNationalId(withCheck('31010120000229123'), today)).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    // 2026-11-23T20:00Z is already 24 November in Shanghai.
    expect(checkNationalId(withCheck('31010120261124123'), new Date('2026-11-23T20:00:00Z'))).toMatchObject({ valid: true });
  });

  it('never puts the number in its message', () => {
    const id = '110105194912310021';
    const r = checkNationalId(id, today);
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.message).not.toContain(id.slice(0, 10));
  });
});

describe('GB 11643-1999 national ID check: caller mistakes', () => {
  it('refuses an invalid "today" instead of guessing', () => {
    expect(() => checkNationalId('11010519491231002X', new Date('nonsense'))).toThrow(/^today: /);
  });
});
