import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cfg, ConfigOf, ConfigProblem, ConfigSchema, ConfigValidationError, Env, parseConfig } from './config-schema';
import { fromRepoRoot, stateDir } from './repo-paths';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Auth and org-tree settings: also all the token CLI needs (no database, no Kafka). */
export const authConfigSchema = {
  AUTH_JWKS_URL: cfg.url({ optional: true, protocols: ['https', 'http'], description: 'OIDC issuer JWKS; unset = local signing key' }),
  AUTH_ISSUER: cfg.string({ default: 'cwp-local' }),
  AUTH_AUDIENCE: cfg.string({ default: 'cwp' }),
  AUTH_LOCAL_KEY_FILE: cfg.string({ optional: true, description: 'JWK key pair file; default <state>/auth/local-signing-key.json' }),
  AUTH_CLOCK_TOLERANCE_SECONDS: cfg.int({ default: 30, min: 0, max: 300 }),
  ORG_TREE_FILE: cfg.string({ default: 'seeds/org-tree/shanghai.json' }),
} satisfies ConfigSchema;

export const platformConfigSchema = {
  SERVICE_NAME: cfg.string({ pattern: /^[a-z][a-z0-9-]*$/ }),
  PORT: cfg.int({ default: 3000, min: 0, max: 65535 }),
  DATABASE_URL: cfg.url({ protocols: ['postgres', 'postgresql'] }),
  KAFKA_BROKERS: cfg.list(),
  TEMPORAL_ADDRESS: cfg.string({ pattern: /^[^\s:]+:\d+$/ }),
  TEMPORAL_NAMESPACE: cfg.string({ default: 'default' }),
  LOG_LEVEL: cfg.enum(LOG_LEVELS, { default: 'info' }),
  /** Apply pending migrations at start (default). A cluster turns it off and runs the migration job instead. */
  DATABASE_MIGRATE_ON_START: cfg.bool({ default: true }),
  /** Apply the service's pending migrations and exit (the migration job; no HTTP, Kafka or Temporal). */
  MIGRATE_ONLY: cfg.bool({ default: false }),
  ...authConfigSchema,
} satisfies ConfigSchema;

export interface AuthSettings {
  jwksUrl?: string;
  issuer: string;
  audience: string;
  localKeyFile: string;
  clockToleranceSeconds: number;
}

/**
 * The validated platform configuration, injectable as `PlatformConfig`. Built once at boot
 * (bootstrapService) from the environment, falling back to the addresses `stack.sh up` wrote.
 */
export class PlatformConfig {
  readonly serviceName: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly logLevel: LogLevel;
  readonly auth: AuthSettings;
  /** Absolute path of the org tree JSON. */
  readonly orgTreeFile: string;
  readonly stateDir: string;
  readonly migrateOnStart: boolean;
  readonly migrateOnly: boolean;

  constructor(raw: ConfigOf<typeof platformConfigSchema>, env: Env) {
    this.serviceName = raw.SERVICE_NAME;
    this.port = raw.PORT;
    this.databaseUrl = raw.DATABASE_URL;
    this.kafkaBrokers = Object.freeze([...raw.KAFKA_BROKERS]);
    this.temporalAddress = raw.TEMPORAL_ADDRESS;
    this.temporalNamespace = raw.TEMPORAL_NAMESPACE;
    this.logLevel = raw.LOG_LEVEL;
    this.auth = authSettings(raw, env);
    this.orgTreeFile = fromRepoRoot(raw.ORG_TREE_FILE);
    this.stateDir = stateDir(env);
    this.migrateOnStart = raw.DATABASE_MIGRATE_ON_START;
    this.migrateOnly = raw.MIGRATE_ONLY;
    Object.freeze(this);
  }
}

export function authSettings(raw: ConfigOf<typeof authConfigSchema>, env: Env): AuthSettings {
  return {
    ...(raw.AUTH_JWKS_URL ? { jwksUrl: raw.AUTH_JWKS_URL } : {}),
    issuer: raw.AUTH_ISSUER,
    audience: raw.AUTH_AUDIENCE,
    localKeyFile: raw.AUTH_LOCAL_KEY_FILE
      ? fromRepoRoot(raw.AUTH_LOCAL_KEY_FILE)
      : path.join(stateDir(env), 'auth', 'local-signing-key.json'),
    clockToleranceSeconds: raw.AUTH_CLOCK_TOLERANCE_SECONDS,
  };
}

/**
 * Variables from `<state>/stack.env` (written by `infra/local/stack.sh up`) under the real
 * environment: a variable set by the caller always wins, so pointing at existing servers works.
 */
export function withStackEnv(env: Env): Env {
  const file = path.join(stateDir(env), 'stack.env');
  if (!existsSync(file)) return env;
  const merged: Env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) merged[m[1]] = m[2];
  }
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v;
  return merged;
}

/** Validates the platform schema plus any service schemas together: one error lists everything. */
export function validateAll(
  env: Env,
  serviceSchemas: ConfigSchema[] = [],
): { platform: PlatformConfig; services: Record<string, unknown>[] } {
  const problems: ConfigProblem[] = [];
  const platform = parseConfig(platformConfigSchema, env);
  problems.push(...platform.problems);
  const services = serviceSchemas.map((schema) => {
    const parsed = parseConfig(schema, env);
    problems.push(...parsed.problems);
    return parsed.config as Record<string, unknown>;
  });
  if (problems.length || !platform.config) throw new ConfigValidationError(problems);
  return { platform: new PlatformConfig(platform.config, env), services };
}

let cached: PlatformConfig | undefined;

/** The process-wide config, validated once (reads process.env plus stack.env on first call). */
export function getPlatformConfig(): PlatformConfig {
  return (cached ??= validateAll(withStackEnv(process.env)).platform);
}

/** Primes (bootstrapService) or resets (tests) the process-wide config. */
export function setPlatformConfig(config: PlatformConfig | undefined): void {
  cached = config;
}
