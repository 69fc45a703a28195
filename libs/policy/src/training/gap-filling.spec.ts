import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { gapFillingNeeds } from './gap-filling';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('gapFillingNeeds', () => {
  it('TRAIN-6 TRAIN-1 a first-year worker gets the induction step, a fifth-year the professional, a tenth-year the advanced', () => {
    expect(gapFillingNeeds(policy, { yearsOfService: 0 }).value.step).toBe('induction');
    expect(gapFillingNeeds(policy, { yearsOfService: 5 }).value.step).toBe('professional');
    expect(gapFillingNeeds(policy, { yearsOfService: 10 }).value.step).toBe('advanced');
  });

  it('TRAIN-6 TRAIN-5 only the specialist modules not yet trained', () => {
    const v = gapFillingNeeds(policy, { yearsOfService: 4, modulesDone: ['social-welfare', 'elderly-care'] }).value;
    expect(v.modules).not.toContain('elderly-care');
    expect(v.modules[0]).toBe('social-assistance');
  });

  it('TRAIN-6 TRAIN-4 TRAIN-3 shortfalls steer to off-the-job and online courses; a junior-college education adds theory', () => {
    const d = gapFillingNeeds(policy, { yearsOfService: 2, education: 'junior-college', hoursShort: 12, offJobMissing: true });
    expect(d.value).toMatchObject({ offJob: true, online: true, theory: true });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['TRAIN-1', 'TRAIN-6', 'TRAIN-8', 'TRAIN-5', 'TRAIN-4', 'TRAIN-3']);
  });

  it('TRAIN-6 rejects negative years naming the field', () => {
    expect(() => gapFillingNeeds(policy, { yearsOfService: -1 })).toThrow(/^yearsOfService: /);
  });

  it('TRAIN-6 skill level raises the step, never lowers it: an intermediate social worker in year one gets the professional step, a senior the advanced', () => {
    const d = gapFillingNeeds(policy, { yearsOfService: 1, skillLevel: 'intermediate' });
    expect(d.value).toMatchObject({ step: 'professional', skillLevel: 'intermediate', examPreparation: false });
    expect(d.explanation.steps.find((s) => s.say.startsWith('Skill level'))!.say).toBe(
      'Skill level intermediate: raised to the professional step',
    );
    expect(gapFillingNeeds(policy, { yearsOfService: 1, skillLevel: 'senior' }).value.step).toBe('advanced');
    expect(gapFillingNeeds(policy, { yearsOfService: 10, skillLevel: 'assistant' }).value.step).toBe('advanced');
  });

  it('TRAIN-6 TRAIN-8 a worker with no social-worker title is steered to the exam', () => {
    const d = gapFillingNeeds(policy, { yearsOfService: 4 });
    expect(d.value).toMatchObject({ skillLevel: 'none', examPreparation: true, step: 'professional' });
    expect(d.explanation.rules.map((r) => r.id)).toContain('TRAIN-8');
    expect(() => gapFillingNeeds(policy, { yearsOfService: 4, skillLevel: 'expert' as never })).toThrow(/^skillLevel: /);
  });
});
