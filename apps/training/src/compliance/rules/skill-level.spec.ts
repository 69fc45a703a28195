import { skillLevelOf } from './skill-level';

describe('skillLevelOf', () => {
  it('TRAIN-6 the highest social-worker title held; a counsellor certificate alone is no social-work title', () => {
    expect(skillLevelOf([])).toBe('none');
    expect(skillLevelOf(['psychological-counsellor'])).toBe('none');
    expect(skillLevelOf(['assistant-social-worker'])).toBe('assistant');
    expect(skillLevelOf(['assistant-social-worker', 'social-worker'])).toBe('intermediate');
    expect(skillLevelOf(['senior-social-worker', 'psychological-counsellor'])).toBe('senior');
  });
});
