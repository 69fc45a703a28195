import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './service-metrics';

/** Paths that would only drown the latency figures (probes and the scrape itself). */
const UNMEASURED = new Set(['/health', '/ready', '/metrics']);

/**
 * Observes every finished request in `cwp_http_request_duration_seconds` by method, route
 * template (`/api/talent-pool/entries/:id`, never the concrete path: ids would explode the series)
 * and status. Requests that matched no route count as route `unmatched`.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (UNMEASURED.has(req.path)) return next();
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      stop({ method: req.method, route: routeTemplateOf(req), status: String(res.statusCode) });
    });
    next();
  };
}

export function routeTemplateOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${req.baseUrl ?? ''}${route.path}` : 'unmatched';
}
