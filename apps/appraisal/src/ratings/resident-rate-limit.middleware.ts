import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { currentRequestId } from '@cwp/platform';
import { APPRAISAL_SETTINGS, type AppraisalSettingsValue } from '../core';
import { FixedWindowLimiter } from './rules/fixed-window-limiter';

/**
 * Rate limit of the residents' endpoint (no token to limit by): per client address and minute.
 * kit: the platform has no 429 error code yet, so this answers before the route with the
 * platform's error body shape and code `RATE_LIMITED`.
 */
@Injectable()
export class ResidentRateLimitMiddleware implements NestMiddleware {
  private readonly limiter: FixedWindowLimiter;

  constructor(@Inject(APPRAISAL_SETTINGS) settings: AppraisalSettingsValue) {
    this.limiter = new FixedWindowLimiter(settings.residentRatePerMinute, 60_000);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (this.limiter.take(client)) return next();
    res
      .status(429)
      .setHeader('Retry-After', String(this.limiter.retryAfter(client)))
      .json({ code: 'RATE_LIMITED', message: 'Too many ratings from this address; try again later', requestId: currentRequestId() });
  }
}
