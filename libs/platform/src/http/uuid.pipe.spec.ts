import { DomainError } from '../errors/domain-error';
import { isUuid, UuidPipe } from './uuid.pipe';

const ID = '3f1c9e2a-1380-4d2b-9c11-138123456789';
const param = { type: 'param', data: 'id' } as const;

describe('UuidPipe', () => {
  it('passes a UUID through unchanged', () => {
    expect(new UuidPipe().transform(ID, param)).toBe(ID);
    expect(isUuid(ID.toUpperCase())).toBe(true);
  });

  it('answers a malformed id with 404 NOT_FOUND by default (no record can have it)', () => {
    const error = thrown(() => new UuidPipe({ entity: 'Worker' }).transform('not-a-uuid', param));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Worker not-a-uuid not found' });
  });

  it("answers 400 VALIDATION_FAILED naming the parameter with invalid: 'invalid'", () => {
    const error = thrown(() => new UuidPipe({ invalid: 'invalid' }).transform(`${ID}x`, { type: 'param', data: 'loanId' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'loanId' });
  });

  it('never echoes control characters or long input', () => {
    const error = thrown(() => new UuidPipe().transform(`\u0000${'a'.repeat(500)}`, param)) as DomainError;
    expect(error.message).not.toMatch(/\u0000/);
    expect(error.message.length).toBeLessThan(120);
  });

  it('refuses non-strings (a query array) too', () => {
    expect(isUuid([ID])).toBe(false);
  });
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
