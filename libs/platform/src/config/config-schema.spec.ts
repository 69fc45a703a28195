import { cfg, ConfigValidationError, loadConfig, parseConfig } from './config-schema';
import { platformConfigSchema, validateAll } from './platform-config';

const goodEnv = {
  SERVICE_NAME: 'talent-pool',
  DATABASE_URL: 'postgres://u:secret@127.0.0.1:55432/cwp',
  KAFKA_BROKERS: '127.0.0.1:59092, 127.0.0.1:59093',
  TEMPORAL_ADDRESS: '127.0.0.1:57233',
};

describe('config schema', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig({ A: cfg.int({ default: 7 }), B: cfg.bool({ default: false }), C: cfg.list() }, { B: 'yes', C: 'x, y,' });
    expect(config).toEqual({ A: 7, B: true, C: ['x', 'y'] });
  });

  it('lists every problem, naming each variable, instead of stopping at the first', () => {
    const schema = { PORT: cfg.int({ min: 1 }), MODE: cfg.enum(['a', 'b'] as const), URL: cfg.url({}), NEEDED: cfg.string({}) };
    const { problems } = parseConfig(schema, { PORT: 'eighty', MODE: 'c', URL: 'not a url' });
    expect(problems.map((p) => p.variable)).toEqual(['PORT', 'MODE', 'URL', 'NEEDED']);
    expect(() => loadConfig(schema, { PORT: '0', MODE: 'a', URL: 'http://x' })).toThrow(/PORT must be >= 1[\s\S]*NEEDED is required/);
  });

  it('never echoes a bad URL, which may hold a password', () => {
    const { problems } = parseConfig({ DATABASE_URL: cfg.url({}) }, { DATABASE_URL: 'postgres//user:hunter2@host' });
    expect(problems[0].problem).not.toContain('hunter2');
  });

  it('optional fields yield undefined when unset', () => {
    expect(loadConfig({ X: cfg.string({ optional: true }) }, {})).toEqual({ X: undefined });
  });
});

describe('platform config', () => {
  it('builds a typed PlatformConfig with platform defaults', () => {
    const { platform } = validateAll(goodEnv);
    expect(platform.port).toBe(3000);
    expect(platform.kafkaBrokers).toEqual(['127.0.0.1:59092', '127.0.0.1:59093']);
    expect(platform.logLevel).toBe('info');
    expect(platform.orgTreeFile).toMatch(/seeds\/org-tree\/shanghai\.json$/);
    expect(platform.auth.localKeyFile).toMatch(/auth\/local-signing-key\.json$/);
    expect(platform.auth.jwksUrl).toBeUndefined();
  });

  it('reports platform and service problems together in one error', () => {
    const service = { RESERVE_YEARS: cfg.int({ min: 1, max: 2 }) };
    try {
      validateAll({ ...goodEnv, LOG_LEVEL: 'loud', DATABASE_URL: undefined, RESERVE_YEARS: '3' }, [service]);
      throw new Error('expected a ConfigValidationError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigValidationError);
      const vars = (err as ConfigValidationError).problems.map((p) => p.variable);
      expect(vars).toEqual(expect.arrayContaining(['LOG_LEVEL', 'DATABASE_URL', 'RESERVE_YEARS']));
      expect((err as Error).message).toContain('3 problem(s)');
    }
  });

  it('declares every variable the issue names', () => {
    for (const name of [
      'SERVICE_NAME',
      'PORT',
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'TEMPORAL_ADDRESS',
      'TEMPORAL_NAMESPACE',
      'LOG_LEVEL',
      'ORG_TREE_FILE',
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
      'AUTH_LOCAL_KEY_FILE',
    ]) {
      expect(platformConfigSchema).toHaveProperty(name);
    }
  });
});
