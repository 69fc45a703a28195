import { PolicyError } from '../explain/policy-error';
import { floatingQuotaBalance } from './floating-quota';

describe('floatingQuotaBalance', () => {
  it('QUOTA-4 the floating quota balance is the pool minus places lent', () => {
    const d = floatingQuotaBalance(6, [
      { areaCode: '310101002001', places: 2 },
      { areaCode: '310101002002', places: 3 },
      { areaCode: '310101002001', places: -1 },
    ]);
    expect(d.value).toEqual({ size: 6, lent: 4, available: 2, byArea: { '310101002001': 1, '310101002002': 3 } });
  });

  it('QUOTA-4 refuses to overdraw the floating quota or to return places an area does not hold', () => {
    expect(() => floatingQuotaBalance(2, [{ areaCode: 'a', places: 3 }])).toThrow(/movements\[0\]\.places: .*exceed.*\(QUOTA-4\)/);
    expect(() => floatingQuotaBalance(2, [{ areaCode: 'a', places: -1 }])).toThrow(PolicyError);
  });
});
