import { Logger } from '@nestjs/common';

const logger = new Logger('HTTP');

/** Health probes are left out of the access log; they would drown the rest. */
export const UNLOGGED_PATHS: ReadonlySet<string> = new Set(['/health', '/ready']);

/**
 * One line per finished request: method, path (no query string: it may carry search terms about
 * people), status and duration; an answer of 500 or more is an error line.
 */
export function logRequest(method: string, path: string, status: number, durationMs: number): void {
  const fields = { msg: 'request', method, path, status, durationMs };
  if (status >= 500) logger.error(fields);
  else logger.log(fields);
}
