import { PolicyError } from '../explain/policy-error';
import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { floatingQuotaBalance } from './floating-quota';
import { staffingReport } from './staffing-report';
import { streetCentreQuota } from './street-centre-quota';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('street quotas', () => {
  it('QUOTA-3 the six centres of a street share a quota of 80', () => {
    const d = streetCentreQuota(policy, { 'affairs-acceptance': 30, culture: 10, 'grid-management': 25, 'party-building': 5, 'comprehensive-governance': 8, 'worker-affairs-office': 4 });
    expect(d.value).toEqual({ quota: 80, headcount: 82, vacancies: 0, overQuota: 2 });
    expect(streetCentreQuota(policy).value.vacancies).toBe(80);
  });

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

  it('QUOTA-6 reports vacancies, on-duty rate and turnover', () => {
    expect(staffingReport({ quota: 10, headcount: 9, onDuty: 7, leavers: 3 }).value).toEqual({
      quota: 10,
      headcount: 9,
      vacancies: 1,
      onDutyRate: 0.7,
      turnoverRate: 0.25,
    });
    expect(() => staffingReport({ quota: 10, headcount: 9, onDuty: 10, leavers: 0 })).toThrow(/onDuty/);
  });
});
