import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';
// A caller's id is accepted only if it is short and plain, so it cannot forge log content.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of a new request (the HTTP server's `genReqId`): the caller's X-Request-Id when it is
 * acceptable, a new UUID otherwise. The request lifecycle echoes it and runs the request inside it.
 */
export function newRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}

/** The id of a request the HTTP server has seen (`request.id`), `none` for anything else. */
export function requestIdOf(req: unknown): string {
  const id = (req as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : 'none';
}
