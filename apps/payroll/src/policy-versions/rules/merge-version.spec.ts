import { mergeVersion } from './merge-version';

describe('mergeVersion (a stored version written as changes to another)', () => {
  it('merges objects key by key and replaces leaves and arrays', () => {
    const base = { id: 'a', pay: { multiplier: 1.2, band: { min: 1, max: 1.5 }, phases: [1, 2] } };
    expect(mergeVersion(base, { id: 'b', pay: { multiplier: 1.3, phases: [3] } })).toEqual({
      id: 'b',
      pay: { multiplier: 1.3, band: { min: 1, max: 1.5 }, phases: [3] },
    });
  });

  it('leaves the base untouched', () => {
    const base = { pay: { multiplier: 1.2 } };
    mergeVersion(base, { pay: { multiplier: 1.4 } });
    expect(base.pay.multiplier).toBe(1.2);
  });
});
