import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '../errors/error-body';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { inputProblems } from './edge-input';
import { nullFieldProblems } from './null-fields';

/** Longest path parameter or query value accepted (ids, unit codes, dates are far shorter). */
export const MAX_PARAMETER_LENGTH = 256;
// A numeric path or query parameter must fit PostgreSQL's integer: "99999999999999999999" answered 500.
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

/** One entry per invalid field, nested DTOs as dotted paths (`address.street`, `items.0.code`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problem: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Problems the platform finds before class-validator runs (issue 8, defects 2–5): control
 * characters, lone surrogates and prototype keys in path, query and body values; oversize or
 * repeated scalar parameters; numeric parameters that are not an integer in PostgreSQL's range
 * (Nest's ParseIntPipe accepts 1e20); `null` for a body field the OpenAPI does not call nullable.
 */
export function edgeProblems(value: unknown, metadata: ArgumentMetadata): FieldProblem[] {
  if (metadata.type === 'custom') return [];
  const name = metadata.data ?? '';
  const problems = inputProblems(value, name);
  if (problems.length > 0) return problems;
  if (metadata.type === 'param' || (metadata.type === 'query' && name)) return scalarParameterProblems(value, name, metadata.metatype);
  if (metadata.type === 'query') {
    return Object.entries((value ?? {}) as Record<string, unknown>).flatMap(([key, v]) => scalarParameterProblems(v, key, undefined));
  }
  return nullFieldProblems(value, metadata.metatype as never);
}

function scalarParameterProblems(value: unknown, field: string, metatype: unknown): FieldProblem[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [{ field, problem: `${field} must be given once, as a plain value` }];
  if (value.length > MAX_PARAMETER_LENGTH) return [{ field, problem: `${field} must be at most ${MAX_PARAMETER_LENGTH} characters` }];
  if (metatype === Number) {
    const n = /^-?\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(n >= INT32.min && n <= INT32.max))
      return [{ field, problem: `${field} must be an integer between ${INT32.min} and ${INT32.max}` }];
  }
  return [];
}

/**
 * The global pipe: the platform's edge checks, then class-validator on DTOs (unknown fields
 * rejected, values transformed to their types, no implicit conversion).
 */
export class PlatformValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // No implicit conversion: a string "12" stays invalid for a number field in a JSON body.
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      stopAtFirstError: false,
      exceptionFactory: (errors) => new ValidationFailedError(fieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems = edgeProblems(value, metadata);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return super.transform(value, metadata);
  }
}

/** DTOs validated at the edge: unknown fields rejected, values transformed to their types. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe();
}
