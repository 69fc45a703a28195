import { mentorFit } from './mentor-fit';

const on = '2026-12-02';

describe('mentorFit (TRAIN-9)', () => {
  it('TRAIN-9 a worker of six years may mentor a first-year worker', () => {
    expect(mentorFit({ workerId: 'a', hiredOn: '2020-09-01' }, { workerId: 'b', hiredOn: '2026-03-01' }, on, 3)).toMatchObject({
      ok: true,
      mentorYears: 6,
      menteeYears: 0,
    });
  });
  it('TRAIN-9 TRAIN-2 a mentor short of the qualified milestone is refused naming mentorId', () => {
    expect(mentorFit({ workerId: 'a', hiredOn: '2024-09-01' }, { workerId: 'b', hiredOn: '2026-03-01' }, on, 3)).toMatchObject({
      ok: false,
      field: 'mentorId',
    });
  });
  it('TRAIN-9 the mentee may not be the more senior one, nor the mentor themselves', () => {
    expect(mentorFit({ workerId: 'a', hiredOn: '2018-01-01' }, { workerId: 'b', hiredOn: '2015-01-01' }, on, 3)).toMatchObject({
      ok: false,
      field: 'mentorId',
    });
    expect(mentorFit({ workerId: 'a', hiredOn: '2018-01-01' }, { workerId: 'a', hiredOn: '2018-01-01' }, on, 3)).toMatchObject({
      ok: false,
      field: 'menteeId',
    });
  });
});
