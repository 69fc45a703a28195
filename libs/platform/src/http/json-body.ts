import type { IncomingHttpHeaders } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { inputProblems, rawBodyProblem } from './edge-input';

/** Largest JSON body accepted (the HTTP server's `bodyLimit`). */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/**
 * Largest body of a route a service names as a file upload (PlatformAppOptions.fileBodyRoutes):
 * an 8 M-character base64 workbook with its JSON around it. Every other route keeps JSON_BODY_LIMIT_BYTES.
 */
export const FILE_BODY_LIMIT_BYTES = 9 * 1024 * 1024;

/**
 * The body parsers of every service. A JSON body is read up to its route's limit (an oversize one
 * is refused with 413 before it is read, and the connection closed) and refused at the edge, with
 * the platform error body, for what must never reach a DTO: invalid UTF-8, nesting deeper than
 * MAX_JSON_DEPTH, control characters, lone surrogates and `__proto__`/`constructor`/`prototype`
 * keys (400 VALIDATION_FAILED naming each field); malformed JSON, a JSON body that is not an
 * object or array, another charset or a content encoding (400 MALFORMED_REQUEST). A body of any
 * other type is read (within the limit) and ignored: a form or text body is not an API input, and
 * the route's validation then names what is missing.
 */
export function installBodyParsers(app: NestFastifyApplication, fileBodyRoutes: readonly RegExp[] = []): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.includes('POST') && fileBodyRoutes.some((pattern) => pattern.test(route.url))) route.bodyLimit = FILE_BODY_LIMIT_BYTES;
    });
  app.useBodyParser('application/json', {}, (req, body, done) => {
    let parsed: unknown;
    try {
      parsed = parseJsonBody(body, req.headers);
    } catch (error) {
      return done(error as Error, undefined);
    }
    done(null, parsed);
  });
  app.useBodyParser('*', {}, (_req, _body, done) => done(null, undefined));
}

/** The largest refused body still read to its end (and dropped) so that its client gets the 413. */
export const DRAINED_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Whether the connection of a body refused from its Content-Length (over its route's limit) is
 * kept: the server then reads the rest of the body and drops it, and the client gets its 413. A
 * closed connection is a reset for a client still uploading, which then never sees the answer
 * (the reliability tier's 9.5 MB upload did, now and then). Only bodies up to DRAINED_BODY_BYTES
 * are drained; a larger or unannounced (chunked) one still closes the connection.
 */
export function drainsRefusedBody(headers: IncomingHttpHeaders): boolean {
  const length = Number(headers['content-length']);
  return Number.isSafeInteger(length) && length <= DRAINED_BODY_BYTES;
}

/** A JSON request body as the platform accepts it (pure; tested without a server). */
export function parseJsonBody(raw: Buffer, headers: IncomingHttpHeaders): unknown {
  const encoding = headers['content-encoding'];
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headers['content-type'] ?? '')?.[1];
  if ((encoding !== undefined && encoding.toLowerCase() !== 'identity') || (charset !== undefined && !/^utf-?8$/i.test(charset)))
    throw new DomainError(ErrorCode.MALFORMED_REQUEST, 'Request body encoding is not supported');
  const problem = rawBodyProblem(raw);
  if (problem) throw new ValidationFailedError([problem]);
  if (raw.length === 0) return {};
  const text = raw.toString('utf8');
  // Objects and arrays only, as a JSON API takes (a bare string or number is no request).
  const first = /\S/.exec(text)?.[0];
  let body: unknown;
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
    body = JSON.parse(text);
  } catch {
    throw new DomainError(ErrorCode.MALFORMED_REQUEST, 'Request body is not valid JSON');
  }
  const problems = inputProblems(body);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return body;
}
