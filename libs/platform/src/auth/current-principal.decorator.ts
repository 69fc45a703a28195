import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { Principal } from './principal';

export function principalOf(req: unknown): Principal | undefined {
  return (req as { principal?: Principal }).principal;
}

/** The verified caller: `handler(@CurrentPrincipal() principal: Principal)`. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest());
  // Only reachable on a @Public() route that asks for a principal: a programming error.
  if (!principal) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
  return principal;
});

/** The request id of the current request: `handler(@RequestId() requestId: string)`. */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  return (ctx.switchToHttp().getRequest() as { requestId?: string }).requestId ?? 'none';
});
