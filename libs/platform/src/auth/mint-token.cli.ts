// Prints a locally signed operator token:
//   npm run token -- --role street --unit 310101002 [--sub alice] [--ttl 8h]
// The unit must exist in the org tree (ORG_TREE_FILE) and suit the role (ORG-2).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config-schema';
import { authConfigSchema, authSettings, withStackEnv } from '../config/platform-config';
import { fromRepoRoot } from '../config/repo-paths';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { mintLocalToken } from './mint-token';
import { isRole, ROLES } from './principal';

async function main(): Promise<void> {
  // `npm run token -- …` forwards a literal `--` ahead of the options; drop it.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, unit: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
    strict: true,
  });
  if (!isRole(values.role) || !values.unit) {
    console.error(`usage: npm run token -- --role ${ROLES.join('|')} --unit <org unit code> [--sub alice] [--ttl 8h]`);
    process.exit(2);
  }
  const env = withStackEnv(process.env);
  const raw = loadConfig(authConfigSchema, env);
  const settings = authSettings(raw, env);
  if (settings.jwksUrl) console.error('note: AUTH_JWKS_URL is set; services will not accept locally minted tokens');
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot(raw.ORG_TREE_FILE));
  const token = await mintLocalToken(
    { role: values.role, unit: values.unit, ...(values.sub ? { sub: values.sub } : {}), ...(values.ttl ? { ttl: values.ttl } : {}) },
    settings,
    directory,
  );
  console.log(token);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
