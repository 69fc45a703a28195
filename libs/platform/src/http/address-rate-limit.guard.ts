import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { FixedWindowLimiter } from '../errors/fixed-window-limiter';
import { clientAddressOf, type PlatformRequest } from './request-info';

/**
 * The rate limit of a public route (no token to limit by): per client address and minute. Over the
 * limit a request is refused before its input is validated, with TOO_MANY_REQUESTS (429; its
 * Retry-After says when the address's window reopens). A service extends it with its setting and
 * message and puts it on the route with `@UseGuards`.
 */
export abstract class AddressRateLimitGuard implements CanActivate {
  private readonly limiter: FixedWindowLimiter;

  protected constructor(
    perMinute: number,
    private readonly refusal: string,
  ) {
    this.limiter = new FixedWindowLimiter(perMinute, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    this.limiter.admit(clientAddressOf(context.switchToHttp().getRequest<PlatformRequest>()), this.refusal);
    return true;
  }
}
