import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { streetCentreQuota } from './street-centre-quota';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('streetCentreQuota', () => {
  it('QUOTA-3 the six centres of a street share a quota of 80', () => {
    const d = streetCentreQuota(policy, {
      'affairs-acceptance': 30,
      culture: 10,
      'grid-management': 25,
      'party-building': 5,
      'comprehensive-governance': 8,
      'worker-affairs-office': 4,
    });
    expect(d.value).toEqual({ quota: 80, headcount: 82, vacancies: 0, overQuota: 2 });
    expect(streetCentreQuota(policy).value.vacancies).toBe(80);
  });
});
