import type { ErrorCode } from './error-code';

/** The body of every error response, whatever produced it. */
export interface ErrorBody {
  code: ErrorCode;
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
