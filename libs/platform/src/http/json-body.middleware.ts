import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ErrorBody, FieldProblem } from '../errors/error-body';
import { ErrorCode } from '../errors/error-code';
import { sendProblem } from './problem-details';
import { requestIdOf } from '../logging/request-id.middleware';
import { inputProblems, rawBodyProblem } from './edge-input';

/** Largest JSON body accepted (Nest's default, kept explicit). */
export const JSON_BODY_LIMIT = '100kb';
/**
 * Largest body of a route a service names as a file upload (PlatformAppOptions.fileBodyRoutes):
 * an 8 M-character base64 workbook with its JSON around it. Every other route keeps JSON_BODY_LIMIT.
 */
export const FILE_BODY_LIMIT = '9mb';
export const FILE_BODY_LIMIT_BYTES = 9 * 1024 * 1024;

class RawBodyRefused extends Error {
  readonly status = 400;
  readonly type = 'entity.refused';
  constructor(readonly problem: FieldProblem) {
    super(problem.problem);
  }
}

/**
 * The JSON body parser of every service, in front of Nest's own (which then sees the body as
 * parsed and skips it). Refuses at the edge, with the platform error body, what must never reach
 * a DTO: invalid UTF-8, nesting deeper than MAX_JSON_DEPTH, control characters, lone surrogates
 * and `__proto__`/`constructor`/`prototype` keys (400 VALIDATION_FAILED naming each field);
 * malformed JSON (400 MALFORMED_REQUEST) and oversize bodies (413) as before.
 */
export function jsonBodyMiddleware(fileBodyRoutes: readonly RegExp[] = []): RequestHandler {
  const parserOf = (limit: string) =>
    express.json({
      limit,
      verify: (_req, _res, raw) => {
        const problem = rawBodyProblem(raw);
        if (problem) throw new RawBodyRefused(problem);
      },
    });
  const parse = parserOf(JSON_BODY_LIMIT);
  const parseFile = parserOf(FILE_BODY_LIMIT);
  return (req: Request, res: Response, next: NextFunction) => {
    // Only POST to a named upload route gets the larger limit; the same checks apply to its body.
    const parser = req.method === 'POST' && fileBodyRoutes.some((route) => route.test(req.path)) ? parseFile : parse;
    parser(req, res, (err?: unknown) => {
      if (err) return refuse(req, res, bodyErrorOf(err));
      if (req.body !== undefined && (req as { _body?: boolean })._body) {
        const problems = inputProblems(req.body);
        if (problems.length > 0) return refuse(req, res, validationBody(problems));
      }
      next();
    });
  };
}

function bodyErrorOf(err: unknown): Omit<ErrorBody, 'requestId'> {
  if (err instanceof RawBodyRefused) return validationBody([err.problem]);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof RawBodyRefused) return validationBody([cause.problem]);
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.too.large') return { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'Request body is too large' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return { code: ErrorCode.MALFORMED_REQUEST, message: 'Request body encoding is not supported' };
  return { code: ErrorCode.MALFORMED_REQUEST, message: 'Request body is not valid JSON' };
}

function validationBody(errors: FieldProblem[]): Omit<ErrorBody, 'requestId'> {
  return {
    code: ErrorCode.VALIDATION_FAILED,
    message: `Invalid ${errors.map((e) => e.field).join(', ')}`,
    field: errors[0]!.field,
    errors,
  };
}

function refuse(req: Request, res: Response, body: Omit<ErrorBody, 'requestId'>): void {
  // An oversize body is refused before it is read: close the connection rather than leave the
  // client uploading the rest into a kept-alive socket nobody reads.
  if (!req.complete) res.setHeader('Connection', 'close');
  sendProblem(req, res, { ...body, requestId: requestIdOf(req) });
}
