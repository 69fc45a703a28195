import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, FixedWindowLimiter } from '@cwp/platform';
import { APPRAISAL_SETTINGS, type AppraisalSettingsValue } from '../core';

/**
 * Rate limit of the residents' endpoint (no token to limit by): per client address and minute.
 * Over the limit the request is refused before the route with the platform's 429
 * TOO_MANY_REQUESTS (its Retry-After header says when the address's window reopens).
 */
@Injectable()
export class ResidentRateLimitMiddleware implements NestMiddleware {
  private readonly limiter: FixedWindowLimiter;

  constructor(@Inject(APPRAISAL_SETTINGS) settings: AppraisalSettingsValue) {
    this.limiter = new FixedWindowLimiter(settings.residentRatePerMinute, 60_000);
  }

  use(req: Request, _res: Response, next: NextFunction): void {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (this.limiter.take(client)) return next();
    throw DomainError.tooManyRequests('Too many ratings from this address; try again later', this.limiter.retryAfter(client));
  }
}
