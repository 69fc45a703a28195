import fc from 'fast-check';
import { ageBandOf, ageOn, AGE_BANDS, birthDateRange } from './age-band';

describe('roster age bands (same bands as the QUOTA-6 report)', () => {
  const today = '2026-11-24';

  it('a worker turning 30 today is 30-39; one turning 30 tomorrow is under-30', () => {
    expect(ageBandOf('1996-11-24', today)).toBe('30-39');
    expect(ageBandOf('1996-11-25', today)).toBe('under-30');
  });

  it('bounds are half-open: 40-49 spans births after 1976-11-24 up to 1986-11-24', () => {
    expect(birthDateRange('40-49', today)).toEqual({ bornAfter: '1976-11-24', bornOnOrBefore: '1986-11-24' });
    expect(birthDateRange('under-30', today)).toEqual({ bornAfter: '1996-11-24', bornOnOrBefore: null });
    expect(birthDateRange('50-plus', today)).toEqual({ bornAfter: null, bornOnOrBefore: '1976-11-24' });
  });

  it('a 29 February birthday counts as 28 February in common years', () => {
    expect(ageOn('1996-02-29', '2026-02-28')).toBe(29);
    expect(ageBandOf('1996-02-29', '2026-02-28')).toBe('under-30');
    expect(ageBandOf('1996-02-29', '2026-03-01')).toBe('30-39');
  });

  it('every birth date falls in exactly one band, and that band agrees with the whole-year age', () => {
    const day = fc.integer({ min: 0, max: 365 * 80 }).map((n) => new Date(Date.UTC(1940, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (birth) => {
        fc.pre(birth <= today);
        const inBands = AGE_BANDS.filter((band) => {
          const r = birthDateRange(band, today);
          return (r.bornAfter === null || birth > r.bornAfter) && (r.bornOnOrBefore === null || birth <= r.bornOnOrBefore);
        });
        expect(inBands).toHaveLength(1);
        const age = ageOn(birth, today);
        const expected = age < 30 ? 'under-30' : age < 40 ? '30-39' : age < 50 ? '40-49' : '50-plus';
        expect(inBands[0]).toBe(expected);
      }),
    );
  });
});
