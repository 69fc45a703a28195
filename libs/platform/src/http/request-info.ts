import type { FastifyRequest } from 'fastify';

/** What guards, interceptors and the exception filter read of a request (the HTTP server's request object). */
export type PlatformRequest = FastifyRequest;

/** The request path without its query string (which may carry search terms about people). */
export function pathOf(req: { url?: string }): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The route template the request matched (`/api/workforce/workers/:id`), `unmatched` when none did. */
export function routeOf(req: PlatformRequest): string {
  return req.routeOptions?.url ?? 'unmatched';
}

/** One request header as a string (the first value of a repeated one), undefined when absent. */
export function headerOf(req: { headers: Record<string, string | string[] | undefined> }, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The client's address (the socket's peer: no proxy header is trusted), for limits on public routes. */
export function clientAddressOf(req: PlatformRequest): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}
