import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const SYSTEM_READ_KEY = 'cwp:systemRead';

/** HTTP methods that only read: the only ones the `system` role may call. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * Keeps the `system` role (an HR system's token) out of a read route it would otherwise get, e.g.
 * the platform's audit trail and dead letters: operations data, not the records an HR system reads.
 */
export const NoSystemRead = (): MethodDecorator & ClassDecorator => SetMetadata(SYSTEM_READ_KEY, false);

/**
 * Why the `system` role may not call a route, or undefined when it may (issue 14: an HR system may
 * read what its scope allows, never write). It reads, city-wide (its scope is the city's), every
 * GET route a city operator may read (no `@Roles`, or `@Roles` naming `city` or `system`) unless the
 * route says `@NoSystemRead()`; it calls no POST, PUT, PATCH or DELETE except a route built for
 * machines that names `system` in its `@Roles` (an e-learning system's completions, training).
 * Pure: the guard asks.
 */
export function systemRefusal(
  method: string,
  routeRoles: readonly Role[] | undefined,
  systemRead: boolean | undefined,
): string | undefined {
  if (!READ_METHODS.has(method.toUpperCase())) {
    return routeRoles?.includes('system') ? undefined : 'The system role may only read (GET)';
  }
  if (systemRead === false) return 'This operation is not open to the system role';
  if (routeRoles && !routeRoles.includes('city') && !routeRoles.includes('system')) {
    return `This operation needs role ${routeRoles.join(' or ')}`;
  }
  return undefined;
}
