import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { FixedWindowLimiter, currentRequestId } from '@cwp/platform';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../core';

/**
 * Rate limit of the public application endpoint (no token to limit by): per client address and
 * minute. The platform has no 429 status class, so this answers before the route with the
 * platform's error body shape and the stable code `RATE_LIMITED`.
 */
@Injectable()
export class PublicRateLimitMiddleware implements NestMiddleware {
  private readonly limiter: FixedWindowLimiter;

  constructor(@Inject(RECRUITMENT_SETTINGS) settings: RecruitmentSettings) {
    this.limiter = new FixedWindowLimiter(settings.publicRatePerMinute, 60_000);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (this.limiter.take(client)) return next();
    res
      .status(429)
      .setHeader('Retry-After', String(this.limiter.retryAfter(client)))
      .json({ code: 'RATE_LIMITED', message: 'Too many applications from this address; try again later', requestId: currentRequestId() });
  }
}
