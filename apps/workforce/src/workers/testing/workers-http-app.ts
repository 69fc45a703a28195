/**
 * The roster's Nest controllers on the real platform HTTP wiring (auth guard, validation pipe,
 * exception filter, idempotency, audit), listening on an ephemeral port over a throw-away
 * PostgreSQL schema: the platform testing kit's context with `listen`. Test code only.
 */
import { AuditModule, type Principal, type testing } from '@cwp/platform';
import { workforceWorkerEventContracts } from '@cwp/contracts';
import { createWorkforceIntContext } from '../../testing';
import { workersMigrations } from '../migrations';
import { WorkersModule } from '../workers.module';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

export interface WorkersHttpApp {
  ds: testing.TestDataSource;
  base: string;
  token(principal: Principal): Promise<string>;
  call(
    method: string,
    url: string,
    opts?: { principal?: Principal; body?: unknown; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  close(): Promise<void>;
}

/** The roster's modules by default; `options` for another feature's controllers on the same wiring (migrations: all of workforce's). */
export async function startWorkersHttpApp(
  schemaPrefix: string,
  options: { imports?: NonNullable<testing.IntegrationContextOptions['imports']> } = {},
): Promise<WorkersHttpApp> {
  const ctx = await createWorkforceIntContext({
    schemaPrefix,
    imports: options.imports ?? [AuditModule, WorkersModule],
    ...(options.imports ? {} : { migrations: workersMigrations }),
    produces: workforceWorkerEventContracts,
    listen: true,
  });
  const base = ctx.baseUrl!;
  const tokens = new Map<string, string>();
  const token = async (p: Principal): Promise<string> => {
    const key = `${p.role}:${p.unit}:${p.sub}`;
    if (!tokens.has(key)) tokens.set(key, await ctx.token(p));
    return tokens.get(key)!;
  };

  return {
    ds: ctx.ds,
    base,
    token,
    async call(method, url, opts = {}) {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(opts.principal ? { authorization: `Bearer ${await token(opts.principal)}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    close: () => ctx.close(),
  };
}
