import { ValidationFailedError } from '../errors/validation-failed.error';
import { createValidationPipe } from './validation';

async function fieldsOf(value: unknown, type: 'param' | 'query', data: string | undefined, metatype?: unknown): Promise<string[]> {
  const err = await createValidationPipe()
    .transform(value, { type, data, metatype: metatype as never })
    .catch((e: unknown) => e);
  return err instanceof ValidationFailedError ? err.errors.map((e) => e.field) : [];
}

describe('path and query parameters at the edge (issue 8, defects 2 and 4)', () => {
  it('a numeric path parameter must be an integer in PostgreSQL range', async () => {
    expect(await fieldsOf('99999999999999999999', 'param', 'year', Number)).toEqual(['year']);
    expect(await fieldsOf('1e3', 'param', 'year', Number)).toEqual(['year']);
    expect(await fieldsOf('2027', 'param', 'year', Number)).toEqual([]);
  });

  it('control characters in a path or query value are refused, naming the parameter', async () => {
    expect(await fieldsOf('\u0000', 'param', 'code', String)).toEqual(['code']);
    expect(await fieldsOf({ unit: '31\u0000', status: 'active' }, 'query', undefined)).toEqual(['unit']);
  });

  it('a repeated or oversize scalar query value is refused', async () => {
    expect(await fieldsOf({ unit: ['31', '310101'] }, 'query', undefined)).toEqual(['unit']);
    expect(await fieldsOf('x'.repeat(300), 'query', 'unit', String)).toEqual(['unit']);
  });
});
