import { CanActivate, ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditTrail } from '../audit/audit-trail';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { headerOf, routeOf, type PlatformRequest } from '../http/request-info';
import { currentRequestContext } from '../logging/request-context';
import type { Principal, Role } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { SYSTEM_READ_KEY, systemRefusal } from './system-access';
import { TokenVerifier, unauthenticated } from './token-verifier';

/**
 * Global guard, deny by default: every route needs a valid bearer token unless marked @Public().
 * Sets `req.principal` and adds the caller to the request's log context. The `system` role is
 * decided by `systemRefusal` (reads only, where a city operator may read), not by `@Roles`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() private readonly audit?: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<PlatformRequest & { principal?: Principal }>();
    const header = headerOf(req, 'authorization');
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated(header ? 'Authorization header must be "Bearer <token>"' : 'Authentication required');
    const principal = await this.verifier.verify(match[1]);
    req.principal = principal;
    const logContext = currentRequestContext();
    if (logContext) Object.assign(logContext, { subject: principal.sub, role: principal.role, unit: principal.unit });

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (principal.role === 'system') {
      // An HR system's token reads (city-wide, audited by SystemReadAuditInterceptor) and never writes.
      const refusal = systemRefusal(req.method, roles, this.reflector.getAllAndOverride<boolean | undefined>(SYSTEM_READ_KEY, targets));
      if (refusal) throw new DomainError(ErrorCode.FORBIDDEN, refusal, { details: { role: principal.role } });
      return true;
    }
    if (roles && !roles.includes(principal.role)) {
      // A refused attempt is audited like an out-of-scope one (ORG-2): who tried which route. The
      // refusal stands even if the audit write fails (logged): a 403 never turns into a 500.
      await this.audit
        ?.recordDenied(
          {
            action: req.method.toLowerCase(),
            entity: 'route',
            entityId: routeOf(req),
            reason: `role ${principal.role} may not call it (needs ${roles.join(' or ')})`,
          },
          principal,
        )
        .catch((error: unknown) => this.logger.error({ msg: 'denied attempt not audited', error: String(error) }));
      throw new DomainError(ErrorCode.FORBIDDEN, `This operation needs role ${roles.join(' or ')}`, { details: { role: principal.role } });
    }
    return true;
  }
}
