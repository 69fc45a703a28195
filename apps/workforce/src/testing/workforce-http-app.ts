/**
 * Feature controllers on the real platform HTTP wiring, listening: the workforce integration
 * context plus a fetch-based client, for specs that call the API as a client would (JSON reads and
 * file downloads). Test code only.
 */
import type { Principal, testing } from '@cwp/platform';
import { createWorkforceIntContext, type WorkforceIntContextOptions } from './workforce-int-context';

export interface WorkforceHttpApp {
  ds: testing.TestDataSource;
  /** `http://127.0.0.1:<port>`: for requests whose body is not JSON (exports). */
  base: string;
  token(p: Principal): Promise<string>;
  /** A request as `principal` (none: no token); the body parsed as JSON when there is one. */
  call(method: string, url: string, opts?: { principal?: Principal }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });

export async function startWorkforceHttpApp(
  schemaPrefix: string,
  imports: WorkforceIntContextOptions['imports'],
): Promise<WorkforceHttpApp> {
  const ctx = await createWorkforceIntContext({ schemaPrefix, imports, listen: true });
  const base = ctx.baseUrl!;
  return {
    ds: ctx.ds,
    base,
    token: (p) => ctx.token(p),
    async call(method, url, opts = {}) {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: opts.principal ? { authorization: `Bearer ${await ctx.token(opts.principal)}` } : {},
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () => ctx.close(),
  };
}
