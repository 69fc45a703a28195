import { staffingReport } from './staffing-report';

describe('staffingReport', () => {
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
