import { poolSourceProblem } from './pool-source.rule';

describe('POOL-1 source categories', () => {
  it.each(['sociology', 'social-work', 'social-security', 'public-administration', 'public-safety', 'law'] as const)(
    'POOL-1 admits a student of %s (a REC-4 major)',
    (major) => {
      expect(poolSourceProblem({ source: 'student', major })).toBeUndefined();
    },
  );

  it('POOL-1 refuses a student of another major or of none, naming the major field', () => {
    expect(poolSourceProblem({ source: 'student', major: 'other' })).toMatchObject({ field: 'major', rule: 'POOL-1' });
    expect(poolSourceProblem({ source: 'student' })).toMatchObject({ field: 'major', rule: 'POOL-1' });
  });

  it('POOL-1 a social-worker candidate must hold a social-worker qualification', () => {
    expect(poolSourceProblem({ source: 'social-worker', certificates: ['fire-safety'] })).toMatchObject({
      field: 'certificates',
      rule: 'POOL-1',
    });
    expect(poolSourceProblem({ source: 'social-worker', certificates: ['assistant-social-worker'] })).toBeUndefined();
  });

  it('POOL-1 homemakers and others need neither a major nor a certificate', () => {
    expect(poolSourceProblem({ source: 'homemaker' })).toBeUndefined();
    expect(poolSourceProblem({ source: 'other', major: 'other' })).toBeUndefined();
  });
});
