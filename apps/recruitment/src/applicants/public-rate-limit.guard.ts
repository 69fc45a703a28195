import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { clientAddressOf, FixedWindowLimiter, type PlatformRequest } from '@cwp/platform';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../core';

/**
 * Rate limit of the public application endpoint (no token to limit by): per client address and
 * minute. Over the limit the request is refused before its input is validated with the platform's
 * 429 TOO_MANY_REQUESTS (its Retry-After header says when the address's window reopens).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly limiter: FixedWindowLimiter;

  constructor(@Inject(RECRUITMENT_SETTINGS) settings: RecruitmentSettings) {
    this.limiter = new FixedWindowLimiter(settings.publicRatePerMinute, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    const client = clientAddressOf(context.switchToHttp().getRequest<PlatformRequest>());
    this.limiter.admit(client, 'Too many applications from this address; try again later');
    return true;
  }
}
