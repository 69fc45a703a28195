import { DomainError, ErrorCode } from '@cwp/platform';
import { EXIT3_CAUSES, WORKER_EXIT_CAUSES } from '@cwp/contracts';
import { EXIT_CAUSES } from '@cwp/policy';
import { EXIT_CAUSES_BY_ROUTE, fitExitCause } from './exit-cause';

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('exit cause fitting (ORG-3, EXIT-1..3)', () => {
  it('EXIT-3 the contract vocabulary holds exactly the five causes of @cwp/policy plus law and re-election', () => {
    expect([...EXIT3_CAUSES]).toEqual([...EXIT_CAUSES]);
    expect(new Set(WORKER_EXIT_CAUSES)).toEqual(new Set([...EXIT_CAUSES, 'law', 're-election-not-returned']));
  });

  it('EXIT-3 a recruited worker may leave for any of the five causes or by law, never by re-election', () => {
    expect(EXIT_CAUSES_BY_ROUTE.recruited).toEqual([...EXIT_CAUSES, 'law']);
    const error = failure(() => fitExitCause('recruited', 're-election-not-returned'));
    expect(error).toMatchObject({ code: ErrorCode.BUSINESS_RULE_VIOLATED, field: 'cause' });
    expect(error.details).toMatchObject({ rule: 'EXIT-3', reason: 'EXIT_CAUSE_NOT_FOR_ENTRY_ROUTE' });
  });

  it.each(EXIT3_CAUSES)('EXIT-2 an elected worker cannot be exited for the EXIT-3 cause %s (422 naming cause)', (cause) => {
    const error = failure(() => fitExitCause('elected', cause));
    expect(error).toMatchObject({ code: ErrorCode.BUSINESS_RULE_VIOLATED, field: 'cause' });
    expect(error.details).toMatchObject({ rule: 'EXIT-2', allowedCauses: ['law', 're-election-not-returned'] });
  });

  it('EXIT-3 a declared cause without facts is explained citing ORG-3 and EXIT-3', () => {
    const fitted = fitExitCause('recruited', 'serious-breach');
    expect(fitted.rules).toEqual(['ORG-3', 'EXIT-3']);
    expect(fitted.explanation.steps.at(-1)?.value).toBe('serious-breach');
  });

  it('EXIT-3 cause 1 with facts: two unqualified years in a row establish it (APPR-5 cited)', () => {
    const fitted = fitExitCause('recruited', 'unqualified-two-years', {
      appraisals: [
        { year: 2024, grade: 'unqualified' },
        { year: 2025, grade: 'unqualified' },
      ],
    });
    expect(fitted.rules).toEqual(expect.arrayContaining(['EXIT-3', 'APPR-5']));
  });

  it('EXIT-3 facts that do not establish the cause are refused naming facts (unqualified twice, not in a row)', () => {
    const error = failure(() =>
      fitExitCause('recruited', 'unqualified-two-years', {
        appraisals: [
          { year: 2023, grade: 'unqualified' },
          { year: 2025, grade: 'unqualified' },
        ],
      }),
    );
    expect(error).toMatchObject({ code: ErrorCode.BUSINESS_RULE_VIOLATED, field: 'facts' });
    expect(error.details).toMatchObject({ reason: 'EXIT_CAUSE_NOT_ESTABLISHED' });
  });

  it('EXIT-3 cause 3 needs both elements: a duty failure that was corrected is not a cause', () => {
    expect(
      failure(() => fitExitCause('recruited', 'uncorrected-duty-failure', { dutyFailure: true, correctedAfterEducation: true })).field,
    ).toBe('facts');
    expect(fitExitCause('recruited', 'uncorrected-duty-failure', { dutyFailure: true, correctedAfterEducation: false }).cause).toBe(
      'uncorrected-duty-failure',
    );
  });

  it('EXIT-2 an elected worker leaves by law only with the legal cause named', () => {
    expect(failure(() => fitExitCause('elected', 'law')).field).toBe('facts.statutoryCause');
    const fitted = fitExitCause('elected', 'law', { statutoryCause: 'Organic Law of Urban Residents Committees art. 8' });
    expect(fitted.rules).toEqual(['ORG-3', 'EXIT-2']);
  });

  it('EXIT-1 an elected worker not returned at re-election is explained under EXIT-1', () => {
    const fitted = fitExitCause('elected', 're-election-not-returned');
    expect(fitted.rules).toEqual(['ORG-3', 'EXIT-1']);
  });

  it('bad fact values become a 400 naming the fact (APPR-2 grade vocabulary)', () => {
    const error = failure(() =>
      fitExitCause('recruited', 'unqualified-two-years', { appraisals: [{ year: 2024, grade: 'awful' as never }] }),
    );
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    expect(error.field).toMatch(/^facts\.appraisals/);
  });
});
