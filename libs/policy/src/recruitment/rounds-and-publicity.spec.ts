import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { publicityPeriod, recruitmentRoundsPerYear } from './rounds-and-publicity';

const catalog = defaultPolicyCatalog();

describe('recruitment rounds and publicity', () => {
  it('REC-2 two rounds a year today, three under the proposal', () => {
    expect(recruitmentRoundsPerYear(catalog.inForce('2026-06-01')).value.rounds).toBe(2);
    expect(recruitmentRoundsPerYear(catalog.inForce('2027-06-01')).value.rounds).toBe(3);
  });

  it('REC-7 a 7-day publicity period starting 2026-12-28 ends before 2027-01-04', () => {
    expect(publicityPeriod(catalog.byId('2016-current'), '2026-12-28').value).toEqual({
      startsOn: '2026-12-28',
      lastDay: '2027-01-03',
      endsOn: '2027-01-04',
    });
    expect(() => publicityPeriod(catalog.byId('2016-current'), '28/12/2026')).toThrow(/^startsOn: /);
  });
});
