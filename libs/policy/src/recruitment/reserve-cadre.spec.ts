import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { checkReserveCadre, type ReserveCadreCandidate } from './reserve-cadre';

const policy = defaultPolicyCatalog().byId('2016-current');
const candidate = (over: Partial<ReserveCadreCandidate> = {}): ReserveCadreCandidate => ({
  birthDate: '1994-04-01',
  education: 'bachelor',
  certificates: ['junior-social-worker'],
  lastGrade: 'excellent',
  ...over,
});

describe('checkReserveCadre', () => {
  it('REC-8 a 32-year-old graduate social worker graded excellent qualifies', () => {
    const d = checkReserveCadre(policy, candidate(), '2026-11-24');
    expect(d.value).toEqual({ eligible: true, age: 32, unmet: [] });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['REC-8', 'APPR-2']);
  });

  it('REC-8 lists every criterion not met', () => {
    const v = checkReserveCadre(
      policy,
      candidate({ birthDate: '1980-01-01', education: 'junior-college', certificates: [], lastGrade: 'basically-qualified' }),
      '2026-11-24',
    ).value;
    expect(v).toEqual({ eligible: false, age: 46, unmet: ['young', 'well-educated', 'titled', 'capable'] });
  });

  it('REC-8 the social worker (intermediate) title counts; a worker not yet appraised has not shown capability', () => {
    expect(checkReserveCadre(policy, candidate({ certificates: ['intermediate-social-worker'] }), '2026-11-24').value.eligible).toBe(true);
    expect(checkReserveCadre(policy, candidate({ lastGrade: undefined }), '2026-11-24').value.unmet).toEqual(['capable']);
  });
});
