import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithRequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';
// A caller's id is accepted only if it is short and plain, so it cannot forge log content.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Express middleware: accept or generate X-Request-Id, echo it, and run the request inside it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(REQUEST_ID_HEADER);
  const requestId = given && ACCEPTABLE.test(given) ? given : randomUUID();
  (req as Request & { requestId?: string }).requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  runWithRequestContext({ requestId }, () => next());
}

export function requestIdOf(req: unknown): string {
  return (req as { requestId?: string } | undefined)?.requestId ?? 'none';
}
