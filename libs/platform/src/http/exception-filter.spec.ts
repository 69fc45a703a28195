import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { errorCodes } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { httpStatusOf } from '../errors/http-status-of';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { retryAfterOf, toErrorBody } from './exception-filter';

describe('error mapping', () => {
  it('maps every ErrorCode to an HTTP error status (exhaustive switch)', () => {
    for (const code of Object.values(ErrorCode)) {
      const status = httpStatusOf(code);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it.each([
    [ErrorCode.VALIDATION_FAILED, 400],
    [ErrorCode.MALFORMED_REQUEST, 400],
    [ErrorCode.UNAUTHENTICATED, 401],
    [ErrorCode.FORBIDDEN, 403],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.DUPLICATE, 409],
    [ErrorCode.VERSION_CONFLICT, 409],
    [ErrorCode.IDEMPOTENCY_IN_PROGRESS, 409],
    [ErrorCode.IDEMPOTENCY_KEY_REUSED, 422],
    [ErrorCode.BUSINESS_RULE_VIOLATED, 422],
    [ErrorCode.FLOATING_QUOTA_EXHAUSTED, 422],
    [ErrorCode.TITLE_STRUCTURE_EXCEEDED, 422],
    [ErrorCode.TOO_MANY_REQUESTS, 429],
    [ErrorCode.INTERNAL, 500],
  ])('%s answers %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('keeps field and details of a DomainError and adds the request id', () => {
    const err = new DomainError(ErrorCode.BUSINESS_RULE_VIOLATED, 'Reserve period is 1 to 2 years', {
      field: 'years',
      details: { rule: 'POOL-2' },
    });
    expect(toErrorBody(err, 'r1')).toEqual({
      code: 'BUSINESS_RULE_VIOLATED',
      message: 'Reserve period is 1 to 2 years',
      field: 'years',
      details: { rule: 'POOL-2' },
      requestId: 'r1',
    });
  });

  it('lists every invalid field on VALIDATION_FAILED', () => {
    const body = toErrorBody(
      new ValidationFailedError([
        { field: 'unit', problem: 'must be a string' },
        { field: 'years', problem: 'must be 1 or 2' },
      ]),
      'r',
    );
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unit', errors: [{ field: 'unit' }, { field: 'years' }] });
    expect(body.message).toContain('unit, years');
  });

  it("maps framework errors: unknown route 404, the HTTP server's refusals of a bad path or body, pipes 400", () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /nope'), 'r')).toEqual({
      code: 'NOT_FOUND',
      message: 'Cannot GET /nope',
      requestId: 'r',
    });
    // As the server's error handler hands them to the filter (the adapter's mapException).
    const adapter = new FastifyAdapter();
    const refused = (error: Error) => toErrorBody(adapter.mapException(error), 'r');
    expect(refused(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE())).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body is too large',
      requestId: 'r',
    });
    expect(refused(new errorCodes.FST_ERR_BAD_URL('/api/x/%E0%A4%A'))).toMatchObject({
      code: 'MALFORMED_REQUEST',
      message: 'Request path is not validly encoded',
    });
    expect(refused(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH()).code).toBe('MALFORMED_REQUEST');
    expect(toErrorBody(new BadRequestException('Validation failed (numeric string is expected)'), 'r').code).toBe('VALIDATION_FAILED');
    expect(toErrorBody(new PayloadTooLargeException(), 'r').code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides the internals of unexpected errors', () => {
    const body = toErrorBody(new TypeError("Cannot read properties of undefined (reading 'pg_pass')"), 'r');
    expect(body).toEqual({ code: 'INTERNAL', message: 'Internal error', requestId: 'r' });
  });

  it('TOO_MANY_REQUESTS carries the seconds to wait, which become the Retry-After header', () => {
    const body = toErrorBody(DomainError.tooManyRequests('Too many ratings from this address', 12.2), 'req-1');
    expect(body).toEqual({
      code: ErrorCode.TOO_MANY_REQUESTS,
      message: 'Too many ratings from this address',
      details: { retryAfterSeconds: 13 },
      requestId: 'req-1',
    });
    expect(retryAfterOf(body)).toBe(13);
    expect(retryAfterOf(toErrorBody(DomainError.conflict('x'), 'req-2'))).toBeUndefined();
    expect(DomainError.tooManyRequests('x', 0).details).toEqual({ retryAfterSeconds: 1 });
  });
});
