import { defaultPortOf, mintLocalToken, OrgUnitDirectory, type PlatformConfig, type Role } from '@cwp/platform';
import { DEMO_MARK } from './demo-city';

/** `talent-pool` → `TALENT_POOL`: the prefix of the variables a service reads. */
const envPrefix = (app: string): string => app.toUpperCase().replace(/-/g, '_');

/**
 * A service's base URL for a demo step: `<APP>_URL` (up.sh sets it), else its port in
 * infra/local/ports.json plus CWP_PORT_OFFSET.
 */
export function demoServiceUrl(app: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[`${envPrefix(app)}_URL`];
  if (fromEnv) return fromEnv;
  const port = defaultPortOf(app);
  if (port === undefined) throw new Error(`set ${envPrefix(app)}_URL (infra/local/ports.json names no ${app} port)`);
  return `http://127.0.0.1:${port + Number(env.CWP_PORT_OFFSET ?? 0)}`;
}

/**
 * A service's schema, named by the same variable the service reads (`<APP>_DB_SCHEMA`, default the
 * app's name with `_` for `-`); seeds import no app (`seeds-and-benches-import-no-app`).
 */
export function demoServiceSchema(app: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = `${envPrefix(app)}_DB_SCHEMA`;
  const name = env[variable] || app.replace(/-/g, '_');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`${variable} ${name} is not a plain schema name`);
  return name;
}

/** An operator token for the demo's API calls, its subject the demo mark (so every audit row says synthetic). */
export function mintDemoToken(platform: PlatformConfig, role: Role = 'city', unit = '31'): Promise<string> {
  return mintLocalToken({ role, unit, sub: DEMO_MARK, ttl: '1h' }, platform.auth, OrgUnitDirectory.fromFile(platform.orgTreeFile));
}
