import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('HTTP');

/**
 * One line per finished request: method, route path (no query string: it may carry search terms
 * about people), status and duration. Health probes are left out; they would drown the rest.
 */
export function accessLogMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/health' || req.path === '/ready') return next();
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const durationMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    const fields = { msg: 'request', method: req.method, path: req.path, status: res.statusCode, durationMs };
    if (res.statusCode >= 500) logger.error(fields);
    else logger.log(fields);
  });
  next();
}
