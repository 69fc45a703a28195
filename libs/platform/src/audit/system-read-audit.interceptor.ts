import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { concatMap, from, map, Observable } from 'rxjs';
import { principalOf } from '../auth/current-principal.decorator';
import { READ_METHODS } from '../auth/system-access';
import { pathOf, routeOf, type PlatformRequest } from '../http/request-info';
import { AuditTrail } from './audit-trail';

/**
 * Every read by the `system` role (an HR system's token) is written to the audit trail before its
 * answer leaves (issue 14): a read whose audit row cannot be written fails (503 when the database
 * is down) rather than go unrecorded. Operators' reads are not audited (their changes and denials
 * are). The row names the route template (`/api/workforce/workers/:id`) and the path read.
 */
@Injectable()
export class SystemReadAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const principal = principalOf(req);
    if (principal?.role !== 'system' || !READ_METHODS.has(req.method)) return next.handle();
    const read = { entity: `${req.method} ${routeOf(req)}`, entityId: pathOf(req) };
    return next.handle().pipe(concatMap((body: unknown) => from(this.audit.recordRead(read, principal)).pipe(map(() => body))));
  }
}
