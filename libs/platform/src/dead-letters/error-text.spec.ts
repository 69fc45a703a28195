import { errorText } from './dead-letter-store';

describe('errorText (what a dead letter stores and sends as its error)', () => {
  it('keeps name and message, redacts phone numbers, bounds the length', () => {
    expect(errorText(new TypeError('bad field'))).toBe('TypeError: bad field');
    expect(errorText(new Error('caller 13800138000 refused'))).not.toContain('13800138000');
    expect(errorText('x'.repeat(5_000))).toHaveLength(2_000);
  });
});
