import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isDependencyFailure } from '../errors/dependency-failure';
import { DomainError } from '../errors/domain-error';
import type { ErrorBody } from '../errors/error-body';
import { ErrorCode } from '../errors/error-code';
import { httpStatusOf } from '../errors/http-status-of';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { requestIdOf } from '../logging/request-id';
import { drainsRefusedBody } from './json-body';
import { sendProblem } from './problem-details';
import { pathOf, type PlatformRequest } from './request-info';

/**
 * The one place errors become HTTP responses: `application/problem+json` (RFC 9457: type, title in
 * the caller's language, status, detail, instance) carrying `{ code, message, field?, details?,
 * errors?, requestId }` (problem-details.ts); status from `httpStatusOf(code)` (an exhaustive switch). Anything that is not a
 * DomainError or a framework 4xx is a 500 INTERNAL with no internals, logged with its stack.
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<PlatformRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const requestId = requestIdOf(req);
    const body = toErrorBody(exception, requestId);
    const status = httpStatusOf(body.code);
    if (status >= 500) {
      this.logger.error({ msg: 'request failed', method: req.method, path: pathOf(req), code: body.code, err: exception });
    } else if (body.code === ErrorCode.UNAUTHENTICATED || body.code === ErrorCode.FORBIDDEN) {
      this.logger.warn({ msg: 'access refused', method: req.method, path: pathOf(req), code: body.code, reason: body.message });
    }
    if (reply.sent || reply.raw.headersSent) return;
    const retryAfter = retryAfterOf(body);
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    // The server closes the connection of a body it refused unread; one it can drain stays open (json-body.ts).
    if (body.code === ErrorCode.PAYLOAD_TOO_LARGE && !req.raw.complete && drainsRefusedBody(req.headers)) reply.removeHeader('connection');
    sendProblem(req, reply, body, status);
  }
}

/** TOO_MANY_REQUESTS carries the seconds to wait in `details.retryAfterSeconds`: the Retry-After header. */
export function retryAfterOf(body: ErrorBody): number | undefined {
  if (body.code !== ErrorCode.TOO_MANY_REQUESTS) return undefined;
  const seconds = body.details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** The HTTP server's refusals before a route runs, by their error code, in the platform's codes. */
const SERVER_REFUSALS: Record<string, Omit<ErrorBody, 'requestId'>> = {
  FST_ERR_BAD_URL: { code: ErrorCode.MALFORMED_REQUEST, message: 'Request path is not validly encoded' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: ErrorCode.MALFORMED_REQUEST,
    message: 'Request body length does not match its Content-Length',
  },
};

/** Pure mapping from anything thrown to the response body (tested without a server). */
export function toErrorBody(exception: unknown, requestId: string): ErrorBody {
  if (exception instanceof DomainError) {
    return {
      code: exception.code,
      message: exception.message,
      ...(exception.field !== undefined ? { field: exception.field } : {}),
      ...(exception.details !== undefined ? { details: exception.details } : {}),
      ...(exception instanceof ValidationFailedError ? { errors: exception.errors } : {}),
      requestId,
    };
  }
  // The HTTP server's own refusals (a bad %-escape in the path, a body over its route's limit, a
  // body shorter than its Content-Length) reach the filter as an HttpException caused by them.
  const serverCode = exception instanceof HttpException ? (exception.cause as { code?: unknown } | undefined)?.code : undefined;
  const refusal = typeof serverCode === 'string' ? SERVER_REFUSALS[serverCode] : undefined;
  if (refusal) return { ...refusal, requestId };
  if (exception instanceof HttpException) {
    const code = codeOfHttpStatus(exception.getStatus());
    const message = code === ErrorCode.INTERNAL ? 'Internal error' : messageOf(exception);
    return { code, message, requestId };
  }
  if (isDependencyFailure(exception))
    return {
      code: ErrorCode.DEPENDENCY_UNAVAILABLE,
      message: 'A backing service is unavailable; retry later (with the same Idempotency-Key)',
      requestId,
    };
  return { code: ErrorCode.INTERNAL, message: 'Internal error', requestId };
}

/**
 * Framework exceptions (unknown route, a built-in pipe such as ParseIntPipe …) in our codes. A
 * plain 400 comes from input checks (pipes), hence VALIDATION_FAILED; unparseable bodies are
 * recognised above as MALFORMED_REQUEST.
 */
export function codeOfHttpStatus(status: number): ErrorCode {
  if (status === 400) return ErrorCode.VALIDATION_FAILED;
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404 || status === 405) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === 429) return ErrorCode.TOO_MANY_REQUESTS;
  if (status === 415 || (status >= 400 && status < 500)) return ErrorCode.MALFORMED_REQUEST;
  if (status === 503) return ErrorCode.DEPENDENCY_UNAVAILABLE;
  return ErrorCode.INTERNAL;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}
