import type { DomainErrorCode } from './service-error-codes';

/** The body of every error response, whatever produced it. */
export interface ErrorBody {
  code: DomainErrorCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
  /** One entry per invalid field, on VALIDATION_FAILED. */
  errors?: FieldProblem[];
  requestId: string;
}

export interface FieldProblem {
  field: string;
  problem: string;
}
