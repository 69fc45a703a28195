import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { PLATFORM_ERROR_TITLES } from '../errors/error-titles';
import { defineServiceErrorCodes } from '../errors/service-error-codes';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { toErrorBody } from './exception-filter';
import { toProblemDetails } from './problem-details';
import { pathOf } from './request-info';

describe('errors as RFC 9457 problem details', () => {
  it('keeps code, field, details, errors and request id beside type, title, status, detail, instance', () => {
    const body = toErrorBody(new ValidationFailedError([{ field: 'years', problem: 'must be 1 or 2' }]), 'r1');
    expect(toProblemDetails(body, { language: 'en', instance: '/api/talent-pool/entries' })).toEqual({
      type: '/problems/VALIDATION_FAILED',
      title: 'Request validation failed',
      status: 400,
      detail: 'Invalid years',
      instance: '/api/talent-pool/entries',
      code: 'VALIDATION_FAILED',
      message: 'Invalid years',
      field: 'years',
      errors: [{ field: 'years', problem: 'must be 1 or 2' }],
      requestId: 'r1',
    });
  });

  it('every platform code has an English and a Chinese title', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(PLATFORM_ERROR_TITLES[code].en).toMatch(/\w/);
      expect(PLATFORM_ERROR_TITLES[code]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    const body = toErrorBody(DomainError.versionConflict('worker changed', { id: 'w1' }), 'r');
    expect(toProblemDetails(body, { language: 'zh-CN', instance: '/x' }).title).toBe('记录已被他人修改，请刷新后重试');
  });

  it("a service code carries the Chinese title it was registered with; one without falls back to the code's words", () => {
    const Codes = defineServiceErrorCodes('problem-spec', {
      SPEC_WINDOW_CLOSED: { status: 'unprocessable', zh: '申诉期已过' },
      SPEC_PLAIN: 'conflict',
    });
    const closed = toErrorBody(new DomainError(Codes.SPEC_WINDOW_CLOSED, 'closed on 2026-05-01'), 'r');
    expect(toProblemDetails(closed, { language: 'zh-CN', instance: '/x' })).toMatchObject({
      status: 422,
      title: '申诉期已过',
      code: 'SPEC_WINDOW_CLOSED',
      type: '/problems/SPEC_WINDOW_CLOSED',
    });
    expect(toProblemDetails(closed, { language: 'en', instance: '/x' }).title).toBe('Spec window closed');
    const plain = toErrorBody(new DomainError(Codes.SPEC_PLAIN, 'x'), 'r');
    expect(toProblemDetails(plain, { language: 'zh-CN', instance: '/x' })).toMatchObject({ status: 409, title: 'Spec plain' });
  });

  it('the instance is the path without the query (query values are not echoed)', () => {
    expect(pathOf({ url: '/api/workforce/workers?name=张三' })).toBe('/api/workforce/workers');
    expect(pathOf({ url: '/api/workforce/workers' })).toBe('/api/workforce/workers');
  });
});
