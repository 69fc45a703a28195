import { DomainError } from '../errors/domain-error';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { parseJsonBody } from './json-body';

const JSON_TYPE = { 'content-type': 'application/json' };

function refusal(raw: string | Buffer, headers: Record<string, string> = JSON_TYPE): { code: string; field?: string; message: string } {
  try {
    parseJsonBody(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), headers);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.field, message: error.message };
  }
  throw new Error('the body was accepted');
}

describe('the platform JSON body parser (parseJsonBody)', () => {
  it('accepts an object or an array; an empty body is an empty object', () => {
    expect(parseJsonBody(Buffer.from('{"name":"张三","years":2}'), JSON_TYPE)).toEqual({ name: '张三', years: 2 });
    expect(parseJsonBody(Buffer.from(' [1,2]'), { 'content-type': 'application/json; charset=UTF-8' })).toEqual([1, 2]);
    expect(parseJsonBody(Buffer.alloc(0), JSON_TYPE)).toEqual({});
  });

  it('malformed JSON, a bare value, another charset or a content encoding: 400 MALFORMED_REQUEST', () => {
    expect(refusal('{"name":')).toMatchObject({ code: 'MALFORMED_REQUEST', message: 'Request body is not valid JSON' });
    expect(refusal('"just a string"')).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect(refusal('   ')).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect(refusal('{}', { 'content-type': 'application/json; charset=utf-16' })).toMatchObject({
      code: 'MALFORMED_REQUEST',
      message: 'Request body encoding is not supported',
    });
    expect(refusal('{}', { ...JSON_TYPE, 'content-encoding': 'gzip' })).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('what must never reach a DTO: 400 VALIDATION_FAILED naming the field', () => {
    expect(refusal('{"a":{"__proto__":{"admin":true}}}')).toMatchObject({ code: 'VALIDATION_FAILED', field: 'a.__proto__' });
    expect(refusal('{"name":"a\\u0000b"}')).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    const invalidUtf8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const refused = refusal(invalidUtf8);
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(() => parseJsonBody(Buffer.from('{"a":'.repeat(40) + '1' + '}'.repeat(40)), JSON_TYPE)).toThrow(ValidationFailedError);
  });
});
