import { toActivityFailure } from '../temporal/activity-failures';
import { toErrorBody } from '../http/exception-filter';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { httpStatusOf, isRetryableCode } from './http-status-of';
import { defineServiceErrorCodes, registeredServiceErrorCodes } from './service-error-codes';

describe('service-owned error codes', () => {
  const Codes = defineServiceErrorCodes('registry-spec', {
    SPEC_PLACES_EXHAUSTED: 'unprocessable',
    SPEC_ALREADY_CLOSED: 'conflict',
    SPEC_UPSTREAM_DOWN: 'unavailable',
  });

  it('answers each registered code with the status of its class, through the platform filter', () => {
    expect(httpStatusOf(Codes.SPEC_PLACES_EXHAUSTED)).toBe(422);
    expect(httpStatusOf(Codes.SPEC_ALREADY_CLOSED)).toBe(409);
    expect(httpStatusOf(Codes.SPEC_UPSTREAM_DOWN)).toBe(503);
    const error = new DomainError(Codes.SPEC_PLACES_EXHAUSTED, 'Street 310104003 has 0 places left', { details: { available: 0 } });
    expect(toErrorBody(error, 'r1')).toEqual({
      code: 'SPEC_PLACES_EXHAUSTED',
      message: 'Street 310104003 has 0 places left',
      details: { available: 0 },
      requestId: 'r1',
    });
  });

  it('lists what services registered', () => {
    expect(registeredServiceErrorCodes()).toEqual(
      expect.arrayContaining([{ code: 'SPEC_ALREADY_CLOSED', service: 'registry-spec', statusClass: 'conflict' }]),
    );
  });

  it('makes activity failures non-retryable unless the class is unavailable', () => {
    expect(isRetryableCode(Codes.SPEC_PLACES_EXHAUSTED)).toBe(false);
    expect(isRetryableCode(Codes.SPEC_UPSTREAM_DOWN)).toBe(true);
    expect(toActivityFailure(new DomainError(Codes.SPEC_ALREADY_CLOSED, 'closed'))).toMatchObject({
      type: 'SPEC_ALREADY_CLOSED',
      nonRetryable: true,
    });
  });

  it('an unregistered code is a 500 (a programming error), never a guessed 4xx', () => {
    expect(httpStatusOf('NEVER_REGISTERED')).toBe(500);
  });

  it('refuses a platform code, a second class for one code, and a malformed name', () => {
    expect(() => defineServiceErrorCodes('rogue', { NOT_FOUND: 'conflict' })).toThrow(/platform code/);
    expect(() => defineServiceErrorCodes('rogue', { SPEC_ALREADY_CLOSED: 'invalid' })).toThrow(/already registered by registry-spec/);
    expect(() => defineServiceErrorCodes('rogue', { 'lower-case': 'invalid' })).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => defineServiceErrorCodes('registry-spec', { SPEC_ALREADY_CLOSED: 'conflict' })).not.toThrow();
  });

  it('lets a service take over the two deprecated workforce codes at their current status', () => {
    const moved = defineServiceErrorCodes('workforce-spec', { FLOATING_QUOTA_EXHAUSTED: 'unprocessable' });
    expect(httpStatusOf(moved.FLOATING_QUOTA_EXHAUSTED)).toBe(httpStatusOf(ErrorCode.FLOATING_QUOTA_EXHAUSTED));
  });
});
