import { DomainError } from './domain-error';
import type { FieldProblem } from './error-body';
import { ErrorCode } from './error-code';

/** VALIDATION_FAILED naming every invalid field (from the ValidationPipe or a service). */
export class ValidationFailedError extends DomainError {
  constructor(readonly errors: FieldProblem[]) {
    super(ErrorCode.VALIDATION_FAILED, `Invalid ${errors.map((e) => e.field).join(', ')}`, errors[0] ? { field: errors[0].field } : {});
    this.name = 'ValidationFailedError';
  }
}
