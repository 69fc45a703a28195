import { HttpException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { newRequestId, REQUEST_ID_HEADER } from '../logging/request-id';
import { toErrorBody } from './exception-filter';
import { JSON_BODY_LIMIT_BYTES } from './json-body';
import { sendProblem } from './problem-details';

/**
 * The HTTP server every service runs on: Nest's Fastify adapter (issue 15: half the CPU per
 * request of its Express adapter, `test/bench/nest-adapters.bench.ts`), set to route as the
 * services always have: a trailing slash and the case of a path do not matter, a path parameter
 * of any length reaches its pipe (which names it in a 400) rather than a 414, the request id comes
 * from `newRequestId`, and the server logs nothing itself (the platform's access log does). What
 * the router refuses before any route or hook runs (a path that is not validly %-encoded) is
 * answered as problem details like every other error.
 */
export function platformHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    genReqId: newRequestId,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 4096 },
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const refusal = new HttpException(error.message, error.statusCode ?? 400, { cause: error });
      void reply.header(REQUEST_ID_HEADER, request.id); // no hook ran: the request lifecycle did not echo it
      sendProblem(request, reply, toErrorBody(refusal, request.id));
    },
  });
}
