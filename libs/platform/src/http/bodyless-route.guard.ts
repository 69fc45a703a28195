import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error';
import type { PlatformRequest } from './request-info';

// Nest's route-argument metadata: keys `<RouteParamtypes>:<index>`; RouteParamtypes.BODY is 3.
const ROUTE_ARGS_METADATA = '__routeArguments__';
const BODY_PARAMTYPE = '3';

/**
 * A route that takes no body refuses one (issue 8, defect 5: a floating-quota return answered 200
 * whatever its body said). Each field sent is named like any unknown field; an empty object or no
 * body passes. Runs after the auth guard, so 401/403 come first.
 */
@Injectable()
export class BodylessRouteGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const body = context.switchToHttp().getRequest<PlatformRequest>().body as unknown;
    if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0))
      return true;
    if (takesBody(context)) return true;
    const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : ['body'];
    throw new ValidationFailedError(
      fields.slice(0, 20).map((field) => ({ field, problem: `property ${field} should not exist (this operation takes no body)` })),
    );
  }
}

export function takesBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === BODY_PARAMTYPE);
}
