import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const ROLES_KEY = 'cwp:roles';

/**
 * Restricts a route or controller to some roles. Others get 403 FORBIDDEN: the route itself is
 * public knowledge (it is in /docs); records a caller may not see answer 404 instead (Jurisdiction).
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
