/**
 * Does Nest's Fastify adapter pay for itself? (issue 15 goal 1.) One minimal Nest module (a global
 * guard that checks the bearer token, verified once with jose and then remembered until it expires
 * as the platform's TokenVerifier does, and a controller that selects one worker row with pg and
 * returns it) served on Nest's Express adapter and on its Fastify adapter, each in a process of its
 * own, beside a plain node:http + pg route doing the same work. Same load for the three: a city
 * token, 10 keep-alive connections, random ids of 1,000 workers, a warm-up, then the window.
 *   npm run bench -- test/bench/nest-adapters.bench.ts [--seconds 10] [--connections 10]
 * What the adapter alone changes; the platform's GET (workforce-get.bench.ts) adds its middleware,
 * interceptors, TypeORM and logs on top. Uses TEST_DATABASE_URL (a throw-away schema).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  NotFoundException,
  Param,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { jwtVerify, type CryptoKey } from 'jose';
import { Pool } from 'pg';
import {
  authConfigSchema,
  authSettings,
  loadConfig,
  loadOrCreateLocalSigningKey,
  testing,
  withStackEnv,
  type AuthSettings,
} from '@cwp/platform';
import { freePort } from '@cwp/test-support';
import { getBenchRows } from './get-fixtures';
import { forkServer, load, measured, type LoadResult } from './http-load';

const SERVERS = ['plain', 'express', 'fastify'] as const;
type ServerKind = (typeof SERVERS)[number];

/** The work every server does per request: the remembered token check and one SELECT. */
class RowSource {
  private readonly verified = new Map<string, number>();

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly publicKey: CryptoKey,
    private readonly settings: AuthSettings,
  ) {}

  async authorized(header: string | undefined): Promise<boolean> {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (!token) return false;
    const expiresAt = this.verified.get(token);
    if (expiresAt !== undefined && Date.now() < expiresAt) return true;
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['EdDSA'],
      });
      this.verified.set(token, (payload.exp ?? 0) * 1000);
      return true;
    } catch {
      return false;
    }
  }

  async row(id: string): Promise<unknown> {
    const { rows } = await this.pool.query(`SELECT * FROM ${this.schema}.workers WHERE id = $1`, [id]);
    return rows[0];
  }
}

const ROWS = Symbol('RowSource');

@Injectable()
class TokenGuard implements CanActivate {
  constructor(@Inject(ROWS) private readonly rows: RowSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { headers } = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>();
    if (!(await this.rows.authorized(headers.authorization))) throw new UnauthorizedException();
    return true;
  }
}

@Controller('workers')
class WorkersController {
  constructor(@Inject(ROWS) private readonly rows: RowSource) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    const row = await this.rows.row(id);
    if (!row) throw new NotFoundException();
    return row;
  }
}

/** A child process: one server of `kind` on `port`, reporting 'listening' to the bench. */
async function serve(kind: ServerKind, port: number, schema: string): Promise<void> {
  const env = withStackEnv(process.env);
  const settings = authSettings(loadConfig(authConfigSchema, env), env);
  const { publicKey } = await loadOrCreateLocalSigningKey(settings.localKeyFile);
  const rows = new RowSource(new Pool({ connectionString: env.TEST_DATABASE_URL, max: 10 }), schema, publicKey, settings);
  if (kind === 'plain') {
    const server = createServer((req, res) => {
      void (async () => {
        if (!(await rows.authorized(req.headers.authorization))) return res.writeHead(401).end();
        const id = /^\/workers\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
        const row = id ? await rows.row(id) : undefined;
        if (!row) return res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(row));
      })().catch(() => res.writeHead(500).end());
    });
    server.listen(port, '127.0.0.1', () => process.send!('listening'));
    return;
  }
  @Module({
    controllers: [WorkersController],
    providers: [
      { provide: ROWS, useValue: rows },
      { provide: APP_GUARD, useClass: TokenGuard },
    ],
  })
  class BenchModule {}
  const app =
    kind === 'fastify'
      ? await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(BenchModule, { logger: false });
  await app.listen(port, '127.0.0.1');
  process.send!('listening');
}

async function startServer(kind: ServerKind, schema: string): Promise<{ port: number; pid: number; stop(): void }> {
  const port = await freePort();
  return { port, ...(await forkServer(__filename, ['--serve', kind, String(port), schema], `${kind} server`)) };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--serve') return serve(process.argv[3] as ServerKind, Number(process.argv[4]), process.argv[5]!);
  const seconds = testing.benchNumber('seconds', testing.benchSize() === 'city' ? 15 : 5);
  const connections = testing.benchNumber('connections', 10);
  const schema = `bench_adapters_${randomBytes(3).toString('hex')}`;
  const { bench, ids, token } = await getBenchRows(schema, `bench-adapters-${randomUUID().slice(0, 8)}`);
  const servers: Array<{ stop(): void }> = [];
  try {
    const path = (id: string) => `/workers/${id}`;
    const results = {} as Record<ServerKind, LoadResult & { cpuMsPerRequest: number }>;
    for (const kind of SERVERS) {
      const server = await startServer(kind, schema);
      servers.push(server);
      await load(server.port, path, ids, token, 2, connections); // warm-up: JIT, pool, token
      results[kind] = await measured(server.pid, () => load(server.port, path, ids, token, seconds, connections));
      server.stop();
      console.log(`  ${kind.padEnd(8)} ${JSON.stringify(results[kind])}`);
      if (results[kind].errors) throw new Error(`${kind}: ${results[kind].errors} answers other than 200`);
    }
    const { plain, express, fastify } = results;
    const rows = [
      ['Nest + Express adapter', express, plain, 'node:http + pg'],
      ['Nest + Fastify adapter', fastify, plain, 'node:http + pg'],
      ['Nest + Fastify adapter', fastify, express, 'Nest + Express'],
    ] as const;
    for (const [name, platform, baseline, against] of rows) {
      testing.printBenchRow({
        measure: `minimal GET by id, ${name} (vs ${against})`,
        unit: 'req/s',
        platform: platform.perSecond,
        baseline: baseline.perSecond,
      });
      testing.printBenchRow({
        measure: `minimal GET by id CPU per request, ${name} (vs ${against})`,
        unit: 'ms',
        platform: platform.cpuMsPerRequest,
        baseline: baseline.cpuMsPerRequest,
      });
    }
  } finally {
    for (const server of servers) server.stop();
    await bench.close(false);
  }
}

main().then(
  () => {
    if (process.argv[2] !== '--serve') process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
