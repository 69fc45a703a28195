import type { FastifyReply } from 'fastify';
import type { ErrorBody, FieldProblem } from '../errors/error-body';
import { httpStatusOf } from '../errors/http-status-of';
import { titleOfCode } from '../errors/service-error-codes';
import { answerLanguage, type Language } from './accept-language';
import { pathOf, type PlatformRequest } from './request-info';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where each code's problem type is described: a relative reference served by every service (GET /problems/<code>). */
export function problemTypeOf(code: string): string {
  return `/problems/${code}`;
}

/**
 * An error response body (RFC 9457 problem details) with the platform's extension members:
 * `code` (the stable contract clients match on), `field`, `details`, `errors` (one per invalid
 * field), `requestId`, and `message` (= `detail`, kept for clients written before problem details).
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorBody['code'];
  message: string;
  field?: string;
  details?: Record<string, unknown>;
  errors?: FieldProblem[];
  requestId: string;
}

/**
 * The problem document of an error body. `title` is the code's title in the caller's language
 * (the same for every occurrence, RFC 9457 §3.1.4); `detail` is what this occurrence says (ids,
 * fields, figures), as thrown; `instance` is the request path (the query is left out: it may hold
 * what should not be echoed).
 */
export function toProblemDetails(body: ErrorBody, options: { language: Language; instance: string; status?: number }): ProblemDetails {
  const { code, message, requestId, ...extensions } = body;
  return {
    type: problemTypeOf(code),
    title: titleOfCode(code)[options.language],
    status: options.status ?? httpStatusOf(code),
    detail: message,
    instance: options.instance,
    code,
    message,
    ...extensions,
    requestId,
  };
}

/**
 * Answers an error body as `application/problem+json` in the caller's language (`Content-Language`
 * says which; `Vary: Accept-Language`), its `instance` the request path (the query left out). The
 * exception filter answers every error through it.
 */
export function sendProblem(req: PlatformRequest, reply: FastifyReply, body: ErrorBody, status = httpStatusOf(body.code)): void {
  const language = answerLanguage(req.headers['accept-language'], reply);
  void reply
    .code(status)
    .header('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(toProblemDetails(body, { language, instance: pathOf(req), status })));
}
