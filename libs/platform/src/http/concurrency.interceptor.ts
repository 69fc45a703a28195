import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { Observable, tap } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { headerOf, type PlatformRequest } from './request-info';
import { etagOfVersion, IF_MATCH_FIELD_KEY, IF_MATCH_HEADER, versionOfBody, versionOfIfMatch } from './if-match';

/**
 * Optimistic concurrency over HTTP headers (issue 14), for every route of every service:
 * - a GET (or a change) answering one versioned resource (`version` in the body) sends
 *   `ETag: "<version>"`;
 * - on a route marked `@IfMatchVersion()`, `If-Match: "<version>"` becomes the body's `version`
 *   before validation (both given and different: 400), so the service's own check answers a stale
 *   one with 409 VERSION_CONFLICT; on other routes If-Match is refused (400), never ignored.
 * Registered after the idempotency interceptor, which hashes the body as sent.
 */
@Injectable()
export class ConcurrencyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const ifMatch = headerOf(req, IF_MATCH_HEADER);
    if (ifMatch !== undefined && req.method !== 'GET' && req.method !== 'HEAD') this.applyIfMatch(context, req, ifMatch);
    return next.handle().pipe(
      tap((body: unknown) => {
        const version = versionOfBody(body);
        if (version !== undefined && !reply.sent) void reply.header('ETag', etagOfVersion(version));
      }),
    );
  }

  private applyIfMatch(context: ExecutionContext, req: PlatformRequest, header: string): void {
    const field = this.reflector.get<string | undefined>(IF_MATCH_FIELD_KEY, context.getHandler());
    if (field === undefined) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'This operation does not take If-Match', { field: IF_MATCH_HEADER });
    }
    const version = versionOfIfMatch(header);
    if (version === undefined) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) return; // the validation pipe names the body
    if (body[field] !== undefined && body[field] !== version) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `If-Match names version ${version} but the body's ${field} is another`, {
        field: IF_MATCH_HEADER,
      });
    }
    req.body = { ...body, [field]: version };
  }
}
