/**
 * The appraisal API on the real platform HTTP wiring (auth guard, validation pipe, exception
 * filter, idempotency, audit) over a throw-away PostgreSQL schema, built from the feature modules
 * with the platform's `testing.createIntegrationContext`. Temporal is out of reach on purpose
 * (workflow starts and grade signals fail after the commit and are left to the reconciler and its
 * sweeps, as in an outage); the workforce-events handler is not registered (the e2e suite covers
 * it). Test code only.
 */
import type { INestApplication } from '@nestjs/common';
import { AuditModule, WorkflowReconciler, platformMigrations, testing, type Principal } from '@cwp/platform';
import { appraisalEventContracts } from '@cwp/contracts';
import { CyclesModule } from '../cycles';
import { appraisalMigrations } from '../migrations';
import { RatingsModule } from '../ratings';
import { RecordsModule, WorkforceWorkersHandler } from '../records';
import { ResultsModule } from '../results';
import { appraisalCoreForTests } from './appraisal-core-for-tests';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

export interface AppraisalHttpApp {
  ds: testing.TestDataSource;
  app: INestApplication;
  call(
    method: string,
    url: string,
    opts?: { principal?: Principal; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  /** A GET whose body is a file (an export), left unread for the test. */
  download(url: string, principal: Principal): Promise<Response>;
  /** Inserts worker records as the workforce `hired` events would. */
  hire(workers: { workerId: string; unitCode: string; entryRoute?: 'recruited' | 'elected' }[]): Promise<void>;
  close(): Promise<void>;
}

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });

export async function startAppraisalHttpApp(
  schemaPrefix: string,
  opts: { residentRatePerMinute?: number; excellentShareLimit?: number } = {},
): Promise<AppraisalHttpApp> {
  const ctx = await testing.createIntegrationContext({
    service: 'appraisal',
    schemaPrefix,
    produces: appraisalEventContracts,
    // The context applies the platform's migrations itself.
    migrations: appraisalMigrations.filter((m) => !platformMigrations.includes(m)),
    listen: true,
    // Temporal out of reach (as in an outage): starts and signals are deferred to the reconciler, whose timed sweep is off.
    temporal: {
      taskQueue: 'appraisal-int',
      address: '127.0.0.1:1',
      workflowStart: { startTimeoutMs: 300, probeIntervalMs: 60_000, sweepSeconds: 0 },
    },
    imports: [
      appraisalCoreForTests('appraisal-int', {
        excellentShareLimit: opts.excellentShareLimit ?? 0.2,
        residentRatePerMinute: opts.residentRatePerMinute ?? 1_000,
        workersConsumer: 'appraisal-int',
      }),
      AuditModule,
      RecordsModule,
      CyclesModule,
      RatingsModule,
      ResultsModule,
    ],
    override: (builder) => builder.overrideProvider(WorkforceWorkersHandler).useValue({}),
  });
  const { ds, app } = ctx;
  const tokens = new Map<string, string>();
  const token = async (p: Principal): Promise<string> => {
    const key = `${p.role}:${p.unit}:${p.sub}`;
    if (!tokens.has(key)) tokens.set(key, await ctx.token(p));
    return tokens.get(key)!;
  };

  return {
    ds,
    app,
    async call(method, url, o = {}) {
      const res = await fetch(`${ctx.baseUrl}/api/appraisal${url}`, {
        method,
        headers: {
          ...(o.principal ? { authorization: `Bearer ${await token(o.principal)}` } : {}),
          ...(o.body !== undefined || o.raw !== undefined ? { 'content-type': 'application/json' } : {}),
          ...o.headers,
        },
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : o.raw !== undefined ? { body: o.raw } : {}),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    async download(url, principal) {
      return fetch(`${ctx.baseUrl}/api/appraisal${url}`, { headers: { authorization: `Bearer ${await token(principal)}` } });
    },
    async hire(workers) {
      await ds.query(
        `INSERT INTO worker_records (worker_id, unit_code, entry_route, hired_on, workflow_started_at)
         SELECT w, u, e, '2024-03-01', now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(w, u, e)`,
        [workers.map((w) => w.workerId), workers.map((w) => w.unitCode), workers.map((w) => w.entryRoute ?? 'recruited')],
      );
    },
    async close() {
      await ctx.get(WorkflowReconciler).idle();
      await ctx.close();
    },
  };
}
