import { mintLocalToken, type MintTokenInput } from '../auth/mint-token';
import { loadConfig } from '../config/config-schema';
import { authConfigSchema, authSettings, withStackEnv, type AuthSettings } from '../config/platform-config';
import { fromRepoRoot } from '../config/repo-paths';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';

let signing: { settings: AuthSettings; directory: OrgUnitDirectory } | undefined;

/**
 * A token the services of this machine's stack accept (the stack's local signing key and the
 * Shanghai org tree), for end-to-end and reliability tests that drive running processes.
 */
export async function mintStackToken(input: MintTokenInput): Promise<string> {
  if (signing === undefined) {
    const env = withStackEnv(process.env);
    signing = {
      settings: authSettings(loadConfig(authConfigSchema, env), env),
      directory: OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json')),
    };
  }
  return mintLocalToken(input, signing.settings, signing.directory);
}
