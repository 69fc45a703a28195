import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { defaultPolicyCatalog, invalidInput, PolicyError, type PolicyCatalog } from '@cwp/policy';
import { DomainError } from '../errors/domain-error';
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

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
