import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { createValidationPipe } from './validation';

class Address {
  @IsString() street!: string;
}
class CreateEntry {
  @IsString() unit!: string;
  @IsInt() @Min(1) @Max(2) years!: number;
  @ValidateNested() @Type(() => Address) address!: Address;
}

describe('validation pipe', () => {
  const meta: ArgumentMetadata = { type: 'body', metatype: CreateEntry };

  it('names every invalid, unknown and nested field', async () => {
    const pipe = createValidationPipe();
    const err = await pipe.transform({ unit: 5, years: 3, address: { street: 1 }, extra: true }, meta).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect((err as ValidationFailedError).errors.map((e) => e.field).sort()).toEqual(['address.street', 'extra', 'unit', 'years']);
  });

  it('passes a valid body through as a DTO instance', async () => {
    const out = await createValidationPipe().transform({ unit: '310101002', years: 2, address: { street: 'x' } }, meta);
    expect(out).toBeInstanceOf(CreateEntry);
  });
});
