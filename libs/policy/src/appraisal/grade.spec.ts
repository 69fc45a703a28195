import fc from 'fast-check';
import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { GRADES } from '../parameters/policy-version';
import { awardGrade, gradeForScore } from './grade';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('grades', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'qualified'],
    [70, 'qualified'],
    [69.99, 'basically-qualified'],
    [60, 'basically-qualified'],
    [59.99, 'unqualified'],
    [0, 'unqualified'],
  ])('APPR-2 a score of %p earns %s', (score, grade) => {
    expect(gradeForScore(policy, score).value).toBe(grade);
  });

  it('APPR-2 property: grades are monotonic in the score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        // A higher score never earns a worse grade (GRADES is best first).
        expect(GRADES.indexOf(gradeForScore(policy, hi).value)).toBeLessThanOrEqual(GRADES.indexOf(gradeForScore(policy, lo).value));
      }),
    );
  });

  it('APPR-2 a grade awarded directly stands; with a score too, a disagreement is flagged', () => {
    expect(awardGrade(policy, { grade: 'qualified' }).value).toEqual({ grade: 'qualified', disagrees: false });
    expect(awardGrade(policy, { score: 92 }).value).toEqual({ grade: 'excellent', mappedGrade: 'excellent', disagrees: false });
    expect(awardGrade(policy, { grade: 'qualified', score: 92 }).value).toEqual({
      grade: 'qualified',
      mappedGrade: 'excellent',
      disagrees: true,
    });
    expect(() => awardGrade(policy, {})).toThrow(/^grade: /);
  });
});
