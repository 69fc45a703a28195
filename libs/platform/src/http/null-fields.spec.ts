import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, ValidateNested } from 'class-validator';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { createValidationPipe } from './validation';

class Grade {
  @ApiProperty() @IsInt() year!: number;
}
class Facts {
  @ApiPropertyOptional({ type: [Grade] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => Grade) grades?: Grade[];
}
class Update {
  @ApiProperty() @IsInt() version!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() postLevel?: number;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() title?: number | null;
  @ApiPropertyOptional({ type: Facts }) @IsOptional() @ValidateNested() @Type(() => Facts) facts?: Facts;
}

async function problemsOf(body: unknown): Promise<string[]> {
  const err = await createValidationPipe()
    .transform(body, { type: 'body', metatype: Update })
    .catch((e: unknown) => e);
  return err instanceof ValidationFailedError ? err.errors.map((e) => e.field) : [];
}

describe('null for a field the OpenAPI does not call nullable (issue 8, defect 3)', () => {
  it('refuses null for optional-but-not-nullable and required fields, nested ones included', async () => {
    expect(await problemsOf({ version: 1, postLevel: null })).toEqual(['postLevel']);
    expect(await problemsOf({ version: null })).toEqual(['version']);
    expect(await problemsOf({ version: 1, facts: { grades: [{ year: 2025 }, null, { year: null }] } })).toEqual([
      'facts.grades.1',
      'facts.grades.2.year',
    ]);
  });

  it('accepts null where the property is documented nullable, and absent optional fields', async () => {
    expect(await problemsOf({ version: 1, title: null })).toEqual([]);
    expect(await problemsOf({ version: 1 })).toEqual([]);
  });
});
