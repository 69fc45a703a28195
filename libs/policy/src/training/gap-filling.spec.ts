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
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['TRAIN-1', 'TRAIN-5', 'TRAIN-4', 'TRAIN-3', 'TRAIN-6']);
  });

  it('TRAIN-6 rejects negative years naming the field', () => {
    expect(() => gapFillingNeeds(policy, { yearsOfService: -1 })).toThrow(/^yearsOfService: /);
  });
});
