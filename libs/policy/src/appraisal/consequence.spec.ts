import { appraisalConsequence } from './consequence';

describe('appraisalConsequence', () => {
  it('APPR-5 a passing grade has no consequence', () => {
    expect(appraisalConsequence({ grade: 'basically-qualified', previousGrade: 'unqualified', entryRoute: 'recruited' }).value.action).toBe(
      'none',
    );
  });

  it('APPR-5 a first unqualified year brings an admonishment talk', () => {
    const d = appraisalConsequence({ grade: 'unqualified', previousGrade: 'qualified', entryRoute: 'recruited' });
    expect(d.value).toEqual({ action: 'admonishment-talk', admonishment: true, consecutiveUnqualified: false });
    expect(appraisalConsequence({ grade: 'unqualified', entryRoute: 'recruited' }).value.action).toBe('admonishment-talk');
  });

  it('APPR-5/EXIT-3 cause 1: a recruited worker unqualified twice in a row enters the contract-termination route', () => {
    const d = appraisalConsequence({ grade: 'unqualified', previousGrade: 'unqualified', entryRoute: 'recruited' });
    expect(d.value).toMatchObject({
      action: 'contract-termination-route',
      consecutiveUnqualified: true,
      exitCause: 'unqualified-two-years',
    });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['APPR-5', 'ORG-3', 'EXIT-3']);
  });

  it('APPR-5/EXIT-2: an elected worker unqualified twice is adjusted or persuaded, not dismissed under EXIT-3', () => {
    const d = appraisalConsequence({ grade: 'unqualified', previousGrade: 'unqualified', entryRoute: 'elected' });
    expect(d.value).toEqual({ action: 'organisational-adjustment-or-persuasion', admonishment: true, consecutiveUnqualified: true });
    expect(d.explanation.rules.map((r) => r.id)).toContain('EXIT-2');
  });
});
