import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, concatMap, from, Observable, of, switchMap } from 'rxjs';
import { principalOf } from '../auth/current-principal.decorator';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { headerOf, type PlatformRequest } from '../http/request-info';
import { IdempotencyStore } from './idempotency-store';
import { requestHash } from './request-hash';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const VALID_KEY = /^[\x21-\x7e]{1,200}$/;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Global interceptor for POST/PUT/PATCH/DELETE carrying an `Idempotency-Key` header. The first
 * request runs and its answer is stored; a retry with the same key, principal, method, path and
 * body gets that answer again (header `Idempotent-Replayed: true`) without running the handler;
 * the same key with another request → 422 IDEMPOTENCY_KEY_REUSED; while the first is still
 * running → 409 IDEMPOTENCY_IN_PROGRESS. A failed first request releases the key (its
 * transaction rolled back, so running it again is safe). Requests without the header run as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private lastPurge = Date.now();

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const key = headerOf(req, IDEMPOTENCY_KEY_HEADER);
    if (!MUTATING.has(req.method) || key === undefined) return next.handle();
    if (!VALID_KEY.test(key)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Idempotency-Key must be 1 to 200 visible ASCII characters', {
        field: IDEMPOTENCY_KEY_HEADER,
      });
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const subject = principalOf(req)?.sub ?? 'anonymous';
    // Hash the raw parsed body as sent: the pipe has not transformed it at this point.
    const input = {
      subject,
      key,
      requestHash: requestHash(req.method, req.url, req.body),
      method: req.method,
      path: req.url,
    };
    this.purgeNowAndThen();

    return from(this.store.claim(input)).pipe(
      switchMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            void reply.header(IDEMPOTENT_REPLAY_HEADER, 'true');
            return of(claim.body);
          case 'mismatch':
            throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'Idempotency-Key was already used for a different request', {
              field: IDEMPOTENCY_KEY_HEADER,
            });
          case 'in_progress':
            throw new DomainError(
              ErrorCode.IDEMPOTENCY_IN_PROGRESS,
              'A request with this Idempotency-Key is still being processed; retry later',
              { field: IDEMPOTENCY_KEY_HEADER },
            );
          case 'claimed':
            return next.handle().pipe(
              concatMap(async (body: unknown) => {
                await this.store.complete(subject, key, reply.statusCode, body);
                return body;
              }),
              catchError(async (err: unknown) => {
                await this.store
                  .release(subject, key)
                  .catch((releaseErr: unknown) => this.logger.error({ msg: 'could not release idempotency key', err: releaseErr }));
                throw err;
              }),
            );
        }
      }),
    );
  }

  private purgeNowAndThen(): void {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    void this.store.purgeExpired().catch((err: unknown) => this.logger.warn({ msg: 'purging expired idempotency keys failed', err }));
  }
}
