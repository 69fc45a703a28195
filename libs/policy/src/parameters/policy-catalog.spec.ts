import { PolicyError } from '../explain/policy-error';
import { PolicyCatalog } from './policy-catalog';
import { SHIPPED_POLICY_VERSIONS, defaultPolicyCatalog } from './shipped-versions';
import { performanceShareFor } from './performance-share';

describe('PolicyCatalog', () => {
  const catalog = defaultPolicyCatalog();

  it('finds the version in force on a date (the latest one already effective)', () => {
    expect(catalog.inForce('2016-01-01').id).toBe('2016-current');
    expect(catalog.inForce('2026-12-31').id).toBe('2016-current');
    expect(catalog.inForce('2027-01-01').id).toBe('2027-proposal');
    expect(catalog.inForce('2031-06-30').id).toBe('2027-proposal');
  });

  it('reads a Date as a Shanghai calendar date (UTC+8)', () => {
    expect(catalog.inForce(new Date('2026-12-31T15:59:59Z')).id).toBe('2016-current');
    expect(catalog.inForce(new Date('2026-12-31T16:00:00Z')).id).toBe('2027-proposal');
  });

  it('refuses a date before every version', () => {
    expect(() => catalog.inForce('2015-12-31')).toThrow(PolicyError);
  });

  it("REC-2 and PAY-1/PAY-3: the shipped versions carry the study's figures", () => {
    const current = catalog.byId('2016-current');
    const proposal = catalog.byId('2027-proposal');
    expect(current.recruitment.roundsPerYear).toBe(2);
    expect(proposal.recruitment.roundsPerYear).toBe(3);
    expect(current.pay.band).toEqual({ min: 1, max: 1.4 });
    expect(current.pay.wageReference).toBe('base-year');
    expect(current.pay.baseYear).toBe(2013);
    expect(proposal.pay.band).toEqual({ min: 1, max: 1.5 });
    expect(proposal.pay.wageReference).toBe('previous-year');
  });

  it('PAY-5 performance share: 20% today; rising to 50% in phases under the proposal', () => {
    expect(performanceShareFor(catalog.byId('2016-current'), 2020)).toBe(0.2);
    const p = catalog.byId('2027-proposal');
    expect([2027, 2028, 2029, 2035].map((y) => performanceShareFor(p, y))).toEqual([0.3, 0.4, 0.5, 0.5]);
  });

  it('rejects two versions effective on the same day, and duplicate ids', () => {
    const a = SHIPPED_POLICY_VERSIONS[0] as Record<string, unknown>;
    expect(() => PolicyCatalog.fromRaw([a, { ...a, id: 'other' }])).toThrow(/same day/);
    expect(() => PolicyCatalog.fromRaw([a, { ...a, effectiveFrom: '2020-01-01' }])).toThrow(/appears twice/);
  });

  it('adds an operator version after validating it', () => {
    const a = SHIPPED_POLICY_VERSIONS[1] as Record<string, any>;
    const next = catalog.with({ ...a, id: '2031-remeasured', effectiveFrom: '2031-01-01', pay: { ...a.pay, multiplier: 1.3 } });
    expect(next.inForce('2031-01-01').pay.multiplier).toBe(1.3);
    expect(() => catalog.with({ ...a, id: 'bad', effectiveFrom: '2032-01-01', pay: { ...a.pay, multiplier: 1.6 } })).toThrow(
      /pay\.multiplier: 1\.6 is outside 1\.\.1\.5 \(PAY-3\)/,
    );
  });
});

describe('PolicyCatalog input checks', () => {
  it('refuses a date that is not a calendar date, naming it', () => {
    expect(() => defaultPolicyCatalog().inForce('2026-13-01')).toThrow(/^date: /);
    expect(() => defaultPolicyCatalog().inForce(new Date('nonsense'))).toThrow(PolicyError);
  });
});
