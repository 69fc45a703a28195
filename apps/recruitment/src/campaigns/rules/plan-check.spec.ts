import { streetsOverVacancies } from './plan-check';

describe('streetsOverVacancies', () => {
  it('a plan within the vacancies passes; another campaign’s posts count against them', () => {
    expect(streetsOverVacancies([{ streetCode: '310101002', planned: 3, vacancies: 3, plannedElsewhere: 0 }])).toEqual([]);
    expect(streetsOverVacancies([{ streetCode: '310101002', planned: 3, vacancies: 4, plannedElsewhere: 2 }])).toHaveLength(1);
  });
});
