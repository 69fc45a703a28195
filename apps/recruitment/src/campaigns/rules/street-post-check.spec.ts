import { checkStreetPost } from './street-post-check';

const base = { streetCode: '310101002', phase: 'registration', requested: 2, vacancies: 5, plannedRunning: 3 };

describe('checkStreetPost (REC-3)', () => {
  it('REC-3 street-selected posts fit the street’s vacancies less what running campaigns plan, explained', () => {
    const d = checkStreetPost(base);
    expect(d.value).toEqual({ allowed: true, room: 2, problem: null });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['REC-3']);
    expect(d.explanation.steps[1]!.say).toContain('5 vacancies − 3 posts planned by running campaigns = 2');
  });

  it('REC-3 beyond the room, or after registration, is refused with the figures', () => {
    expect(checkStreetPost({ ...base, requested: 3 }).value).toEqual({ allowed: false, room: 2, problem: 'vacancies' });
    expect(checkStreetPost({ ...base, phase: 'screening' }).value.problem).toBe('phase');
  });
});
