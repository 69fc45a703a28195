import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ConfigSchema } from '../config/config-schema';
import { ConfigValidationError } from '../config/config-schema';
import { PlatformConfig, setPlatformConfig, validateAll, withStackEnv } from '../config/platform-config';
import { fromRepoRoot } from '../config/repo-paths';
import type { ServiceConfigDefinition } from '../config/service-config';
import { migrateServiceModule } from '../database/migrate-only';
import { PlatformLogger } from '../logging/platform-logger';
import { ServiceMetrics } from '../metrics/service-metrics';
import { operationsConfigSchema, operationsSettings, otlpTracesUrl } from '../operations/operations-config';
import { initTracing } from '../tracing/tracing';
import { FILE_BODY_LIMIT_BYTES, installBodyParsers } from './json-body';
import { documentErrorsAndClosedObjects, documentValidationConstraints } from './openapi-errors';
import { documentUuidPathParameters } from './openapi-uuid-params';
import { platformHttpAdapter } from './platform-adapter';
import { installRequestLifecycle } from './request-lifecycle';

export interface PlatformAppOptions {
  serviceName: string;
  /** Route prefix of the service's API; default `api/<serviceName>`. /health, /ready, /docs stay at the root. */
  globalPrefix?: string;
  /** OpenAPI title and description. */
  title?: string;
  description?: string;
  /**
   * Routes (full paths, prefix included) that take a file inside their JSON body (a score sheet,
   * a base64 workbook): they accept up to FILE_BODY_LIMIT_BYTES; every other body stays at JSON_BODY_LIMIT_BYTES.
   */
  fileBodyRoutes?: readonly RegExp[];
}

export interface BootstrapOptions extends PlatformAppOptions {
  /** The service's root module; it imports PlatformHttpModule.forRoot() and PlatformDatabaseModule. */
  module: Type<unknown>;
  /** The service's own config definitions, validated together with the platform's. */
  configs?: ServiceConfigDefinition<ConfigSchema>[];
}

/**
 * Starts a service: validates config (exits listing every problem), builds the Nest app with
 * JSON logs, wires request ids, the global prefix, OpenAPI at /docs, shutdown hooks, and listens
 * on HOST:PORT (HOST default 127.0.0.1). Returns the listening app, or nothing when MIGRATE_ONLY asked
 * for the migrations alone.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication | undefined> {
  const config = validateConfigOrExit(options);
  initTracing(config.serviceName, { otlpTracesUrl: otlpTracesUrl(operationsSettings()) });
  const logger = new PlatformLogger({ serviceName: config.serviceName, level: config.logLevel });
  if (config.migrateOnly) {
    // The migration job of a cluster deployment: migrations only, then exit (no HTTP, Kafka, Temporal).
    const applied = await migrateServiceModule(options.module, config.databaseUrl);
    logger.log({ msg: 'migrations applied; exiting (MIGRATE_ONLY)', applied }, 'Bootstrap');
    return undefined;
  }
  const openApiFile = process.env.OPENAPI_ONLY;
  if (openApiFile) {
    // The OpenAPI document alone (contract tests, docs builds): Nest's preview mode resolves the
    // module graph without instantiating providers, so no database, Kafka or Temporal is touched.
    const preview = await NestFactory.create<NestFastifyApplication>(options.module, platformHttpAdapter(), {
      logger,
      preview: true,
      abortOnError: false,
    });
    writeFileSync(openApiFile, JSON.stringify(configurePlatformApp(preview, options), null, 2));
    logger.log({ msg: 'OpenAPI document written; exiting (OPENAPI_ONLY)', file: openApiFile }, 'Bootstrap');
    process.exit(0);
  }
  const app = await NestFactory.create<NestFastifyApplication>(options.module, platformHttpAdapter(), { logger, bufferLogs: true });
  configurePlatformApp(app, options);
  // Loopback unless HOST says otherwise (containers set HOST=0.0.0.0): a dev machine's services are not on the network.
  const host = process.env.HOST || '127.0.0.1';
  await app.listen(config.port, host);
  logger.log({ msg: 'service listening', host, port: config.port, prefix: globalPrefixOf(options) }, 'Bootstrap');
  return app;
}

/** Validates and caches the platform config (plus the service's), exiting with a list of problems. */
export function validateConfigOrExit(options: Pick<BootstrapOptions, 'serviceName' | 'configs'>): PlatformConfig {
  const defaults: Record<string, string> = { SERVICE_NAME: options.serviceName };
  const port = defaultPortOf(options.serviceName);
  if (port !== undefined) defaults.PORT = String(port);
  const env = { ...defaults, ...withStackEnv(process.env) };
  try {
    // The operations settings (retention, dead letters, tracing) are checked with the rest at boot.
    const { platform } = validateAll(env, [operationsConfigSchema, ...(options.configs ?? []).map((c) => c.schema)]);
    // Fill in what came from defaults or stack.env, so modules reading process.env directly
    // (database, Kafka, Temporal) see the same values; variables the caller set are untouched.
    for (const [name, value] of Object.entries(env)) {
      if (value !== undefined && (process.env[name] === undefined || process.env[name] === '')) process.env[name] = value;
    }
    setPlatformConfig(platform);
    return platform;
  } catch (err) {
    if (err instanceof ConfigValidationError) {
      console.error(`${options.serviceName} cannot start. ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * The app-level wiring bootstrapService applies; tests call it on a `Test.createTestingModule`
 * app so they exercise exactly what production runs. Call before `app.init()`/`listen()`.
 */
export function configurePlatformApp(app: NestFastifyApplication, options: PlatformAppOptions): OpenAPIObject {
  installRequestLifecycle(app.getHttpAdapter().getInstance(), optionalProvider(app, ServiceMetrics));
  // The platform's parsers are the only ones: Nest registers its defaults at init only for types not taken.
  installBodyParsers(app, options.fileBodyRoutes);
  app.setGlobalPrefix(globalPrefixOf(options), {
    exclude: ['health', 'ready', 'metrics', 'asyncapi.json', 'schemas/events/:file', 'problems', 'problems/:code'],
  });
  app.enableShutdownHooks();
  documentValidationConstraints();
  documentUuidPathParameters(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title ?? `${options.serviceName} API`)
      .setDescription(options.description ?? `Community workforce platform: ${options.serviceName} service`)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  documentErrorsAndClosedObjects(document);
  documentFileBodyLimits(document, options.fileBodyRoutes ?? []);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}

/**
 * Marks each upload route's POST with `x-body-limit-bytes` (the larger limit it takes), so clients
 * and the reliability tier's oversize-body case know where 413 starts on it.
 */
function documentFileBodyLimits(document: OpenAPIObject, routes: readonly RegExp[]): void {
  for (const [template, item] of Object.entries(document.paths)) {
    const path = template.replace(/\{[^}]+\}/g, 'x');
    if (item.post && routes.some((route) => route.test(path))) Object.assign(item.post, { 'x-body-limit-bytes': FILE_BODY_LIMIT_BYTES });
  }
}

function optionalProvider<T>(app: INestApplication, token: Type<T>): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined; // an app without PlatformHttpModule (some tests) has no metrics
  }
}

export function globalPrefixOf(options: PlatformAppOptions): string {
  return (options.globalPrefix ?? `api/${options.serviceName}`).replace(/^\/+|\/+$/g, '');
}

/** The local default port of a service (infra/local/ports.json), used when PORT is unset. */
export function defaultPortOf(serviceName: string): number | undefined {
  const file = fromRepoRoot('infra/local/ports.json');
  if (!existsSync(file)) return undefined;
  const ports = JSON.parse(readFileSync(file, 'utf8')) as { services?: Record<string, number> };
  return ports.services?.[serviceName];
}
