import { randomBytes } from 'node:crypto';
import { residentRaterKey } from './resident-rater-key';

describe('residentRaterKey (APPR-3 residents, anonymous)', () => {
  const key = randomBytes(32);

  it('APPR-3 the same resident rating the same worker in the same year gets the same key (one rating)', () => {
    expect(residentRaterKey(key, 2026, 'w1', '138 0013 8000')).toBe(residentRaterKey(key, 2026, 'w1', '13800138000'));
  });

  it('keys of one resident differ per worker and per year (ratings cannot be linked), and never contain the identifier', () => {
    const a = residentRaterKey(key, 2026, 'w1', '13800138000');
    expect(residentRaterKey(key, 2026, 'w2', '13800138000')).not.toBe(a);
    expect(residentRaterKey(key, 2027, 'w1', '13800138000')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(residentRaterKey(randomBytes(32), 2026, 'w1', '13800138000')).not.toBe(a);
  });
});
