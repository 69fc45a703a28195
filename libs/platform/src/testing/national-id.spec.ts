import { checkNationalId } from '@cwp/policy';
import { newNationalId, syntheticNationalId } from './national-id';

describe('national-ID builders (GB 11643)', () => {
  it('newNationalId: valid numbers, 1,000 in a row without a repeat for one birth date and region', () => {
    const ids = Array.from({ length: 1000 }, () => newNationalId({ birthDate: '19851231', region: '310101' }));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids.slice(0, 50)) expect(checkNationalId(id, new Date('2026-12-01T00:00:00Z')).valid).toBe(true);
    expect(ids[0]!.slice(0, 14)).toBe('31010119851231');
  });

  it('syntheticNationalId: the number asked for, with its check character', () => {
    const id = syntheticNationalId('19900307', '123', '310104');
    expect(id.slice(0, 17)).toBe('31010419900307123');
    expect(checkNationalId(id, new Date('2026-12-01T00:00:00Z')).valid).toBe(true);
    expect(() => syntheticNationalId('1990', '1')).toThrow(/17|digits/);
  });
});
