import type { ServiceMetrics } from './service-metrics';

/** Paths that would only drown the latency figures (probes and the scrape itself). */
export const UNMEASURED_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/**
 * Observes one finished request in `cwp_http_request_duration_seconds` by method, route template
 * (`/api/talent-pool/entries/:id`, never the concrete path: ids would explode the series) and
 * status. Requests that matched no route count as route `unmatched`.
 */
export function observeRequest(metrics: ServiceMetrics, method: string, route: string, status: number, seconds: number): void {
  metrics.httpDuration.observe({ method, route, status: String(status) }, seconds);
}
