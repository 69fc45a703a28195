import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { defaultPolicyCatalog, invalidInput, PolicyError, type PolicyCatalog } from '@cwp/policy';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { httpStatusOf } from '../errors/http-status-of';
import { POLICY_CATALOG } from './policy-catalog.token';
import { PlatformPolicyModule } from './policy.module';
import { decide, policyErrorToDomainError } from './policy-errors';

@Injectable()
class NeedsCatalog {
  constructor(@Inject(POLICY_CATALOG) readonly catalog: PolicyCatalog) {}
}

describe('PlatformPolicyModule', () => {
  it('provides the shipped catalog to any provider of the app (global)', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [PlatformPolicyModule.forRoot()], providers: [NeedsCatalog] }).compile();
    const shipped = defaultPolicyCatalog();
    expect(moduleRef.get(NeedsCatalog).catalog.inForce('2026-12-01').id).toBe(shipped.inForce('2026-12-01').id);
  });

  it('takes a catalog of the caller (tests pin versions)', async () => {
    const pinned = defaultPolicyCatalog();
    const moduleRef = await Test.createTestingModule({ imports: [PlatformPolicyModule.forRoot({ catalog: () => pinned })] }).compile();
    expect(moduleRef.get(POLICY_CATALOG)).toBe(pinned);
  });
});

describe('decide: the one PolicyError → DomainError mapping', () => {
  it('POOL-2: an out-of-bounds input is a 400 VALIDATION_FAILED naming the field and the rule', () => {
    const error = catchError(() =>
      decide(() => {
        throw invalidInput('reservePeriodMonths', 'must be 12 to 24', 'POOL-2');
      }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reservePeriodMonths', details: { rule: 'POOL-2' } });
    expect(httpStatusOf((error as DomainError).code)).toBe(400);
  });

  it('prefixes the field with where the input sat in the request', () => {
    const error = policyErrorToDomainError(invalidInput('statutoryCause', 'is required', 'EXIT-3'), { fieldPrefix: 'facts.' });
    expect(error.field).toBe('facts.statutoryCause');
  });

  it('a missing parameter version is the service’s fault: INTERNAL', () => {
    const error = policyErrorToDomainError(new PolicyError('POLICY_VERSION_NOT_FOUND', 'date', 'no version in force on 1999-01-01'));
    expect(error).toMatchObject({ code: 'INTERNAL', details: { rule: null } });
  });

  it('a service whose callers supply versions maps version errors to its own 4xx codes', () => {
    const versionErrors = { notFound: ErrorCode.NOT_FOUND, parametersInvalid: ErrorCode.VALIDATION_FAILED };
    const missing = policyErrorToDomainError(new PolicyError('POLICY_VERSION_NOT_FOUND', 'policyVersion', 'no policy version with id x'), {
      versionErrors,
    });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'policyVersion' });
    expect(httpStatusOf(missing.code)).toBe(404);
    const invalid = policyErrorToDomainError(
      new PolicyError('POLICY_PARAMETERS_INVALID', 'pay.multiplier', 'pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)', 'PAY-3', ['a', 'b']),
      { versionErrors },
    );
    expect(invalid).toMatchObject({ code: 'VALIDATION_FAILED', field: 'pay.multiplier', details: { rule: 'PAY-3', issues: ['a', 'b'] } });
    const conflict = decideCatching(
      () => {
        throw new PolicyError('POLICY_VERSION_NOT_FOUND', 'date', 'no version in force on 1999-01-01');
      },
      { versionErrors: { notFound: ErrorCode.CONFLICT } },
    );
    expect(httpStatusOf((conflict as DomainError).code)).toBe(409);
    // Input errors keep their one mapping whatever the option says.
    expect(policyErrorToDomainError(invalidInput('quota', 'must be ≥ 0', 'PAY-6'), { versionErrors }).code).toBe('VALIDATION_FAILED');
  });

  it('a caller’s date before every version is a 400 naming the request field it came from (dateField)', () => {
    const catalog = defaultPolicyCatalog();
    const early = catchError(() => decide(() => catalog.inForce('1996-03-03'), { dateField: 'to' })) as DomainError;
    expect(early).toBeInstanceOf(DomainError);
    expect(early).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    expect(httpStatusOf(early.code)).toBe(400);
    expect(early.message).toContain('1996-03-03');
    // Not a calendar date: the same field. A version id the service looked up stays its own fault.
    expect(catchError(() => decide(() => catalog.inForce('2026-02-30'), { dateField: 'startsOn' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'startsOn',
    });
    expect(catchError(() => decide(() => catalog.byId('no-such-version'), { dateField: 'to' }))).toMatchObject({ code: 'INTERNAL' });
    // dateField wins over versionErrors for the date case only.
    const versionErrors = { notFound: ErrorCode.CONFLICT };
    expect(catchError(() => decide(() => catalog.inForce('1996-03-03'), { dateField: 'year', versionErrors }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'year',
    });
  });

  it('passes values and other errors through untouched', () => {
    expect(decide(() => 42)).toBe(42);
    const other = new TypeError('boom');
    expect(
      catchError(() =>
        decide(() => {
          throw other;
        }),
      ),
    ).toBe(other);
  });
});

function decideCatching(fn: () => unknown, mapping: Parameters<typeof decide>[1]): unknown {
  return catchError(() => decide(fn, mapping));
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
