import { defineEventContract } from '@cwp/contracts';
import { ErrorCode } from '../errors';
import { EventSchemaValidator } from './schema-validator';

const contract = defineEventContract({
  type: 'cwp.demo.entry.created.v1',
  topic: 'cwp.demo.entries',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['entryId', 'unit', 'periods'],
    properties: {
      entryId: { type: 'string', format: 'uuid' },
      unit: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^31[0-9]*$' } } },
      periods: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2 } },
    },
  },
});

const valid = { entryId: '0f8b8a4e-1c1a-4c55-9b6e-3f1d2d4c5b6a', unit: { code: '310101' }, periods: [1] };

describe('EventSchemaValidator', () => {
  const validator = new EventSchemaValidator();

  it('accepts data matching the contract (formats included)', () => {
    expect(() => validator.validate(contract, valid)).not.toThrow();
  });

  it.each([
    ['a missing property', { unit: valid.unit, periods: [1] }, 'data.entryId'],
    ['a bad format', { ...valid, entryId: 'not-a-uuid' }, 'data.entryId'],
    ['a nested pattern', { ...valid, unit: { code: '110101' } }, 'data.unit.code'],
    ['an array item', { ...valid, periods: [1, 3] }, 'data.periods[1]'],
    ['an unknown property', { ...valid, name: 'x' }, 'data.name'],
  ])('names the field on %s', (_case, data, field) => {
    try {
      validator.validate(contract, data);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field });
    }
  });
});
