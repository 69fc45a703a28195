import { maskNationalId, maskPhone } from './mask';

describe('masking personal numbers', () => {
  it('keeps the first and last four characters of a national ID', () => {
    expect(maskNationalId('31010119900101123x')).toBe('3101**********123X');
    expect(maskNationalId('31010119900101123x')).toHaveLength(18);
  });

  it('masks short or odd input completely', () => {
    expect(maskNationalId('12345678')).toBe('********');
    expect(maskNationalId('')).toBe('');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('5678')).toBe('****');
  });
});
