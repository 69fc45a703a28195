import { endOfDayShanghai, phaseDeadlines } from './phase-deadlines';

const dates = {
  registrationClosesOn: '2027-03-10',
  internshipStartsOn: '2027-03-20',
  internshipEndsOn: '2027-04-20',
  writtenExamOn: '2027-04-25',
  interviewOn: '2027-05-05',
  publicityDays: 7,
};

describe('phaseDeadlines', () => {
  it('a day ends at midnight Shanghai time (16:00 UTC)', () => {
    expect(endOfDayShanghai('2027-03-10')).toBe('2027-03-10T16:00:00.000Z');
  });

  it('REC-7 publicity lasts its days from its start; calendar phases end on their dates', () => {
    const d = phaseDeadlines(dates, 14, 0);
    expect(d.registration).toEqual({ at: '2027-03-10T16:00:00.000Z' });
    expect(d.screening).toEqual({ at: '2027-03-19T16:00:00.000Z' });
    expect(d.publicity).toEqual({ afterMs: 7 * 86_400_000 });
  });

  it('configured short phases replace every deadline (tests, benches)', () => {
    expect(Object.values(phaseDeadlines(dates, 14, 2))).toEqual(Array(7).fill({ afterMs: 2000 }));
  });
});
