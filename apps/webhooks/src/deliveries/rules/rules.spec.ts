import { retryDelayMs } from './backoff';
import { inScope, unitOfEvent } from './event-unit';
import { signatureHeader, verifySignature } from './signature';

describe('webhook rules', () => {
  it('signs the timestamp and the exact body; a receiver refuses a changed body, another secret or an old signature', () => {
    const at = new Date('2026-03-16T09:30:00Z');
    const header = signatureHeader('whsec_a', '{"x":1}', at);
    expect(header).toMatch(/^t=1773653400,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_a', '{"x":1}', header, at)).toBe(true);
    expect(verifySignature('whsec_a', '{"x":2}', header, at)).toBe(false);
    expect(verifySignature('whsec_b', '{"x":1}', header, at)).toBe(false);
    expect(verifySignature('whsec_a', '{"x":1}', header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature('whsec_a', '{"x":1}', undefined, at)).toBe(false);
  });

  it('finds the unit an event is about and scopes it by prefix (ORG-2)', () => {
    expect(unitOfEvent({ workerId: 'w', unitCode: '310101002001' })).toBe('310101002001');
    expect(unitOfEvent({ entryId: 'e', holdingUnit: '310104' })).toBe('310104');
    expect(unitOfEvent({ year: 2027 })).toBeNull();
    expect(inScope('310101', '310101002001')).toBe(true);
    expect(inScope('310104', '310101002001')).toBe(false);
    expect(inScope('310101', null)).toBe(false);
    expect(inScope('31', null)).toBe(true);
  });

  it('backs off by doubling within bounds, with jitter', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(retryDelayMs(4, 1000, 60_000, () => 0.5)).toBe(8000);
    expect(retryDelayMs(20, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(3, 1000, 60_000, () => 0)).toBe(3200);
  });
});
