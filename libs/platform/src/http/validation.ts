import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '../errors/error-body';
import { ValidationFailedError } from '../errors/validation-failed.error';

/** One entry per invalid field, nested DTOs as dotted paths (`address.street`, `items.0.code`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problem: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** DTOs validated at the edge: unknown fields rejected, values transformed to their types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
