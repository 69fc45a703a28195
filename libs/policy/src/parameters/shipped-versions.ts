import current2016 from './versions/2016-current.json';
import proposal2027 from './versions/2027-proposal.json';
import { PolicyCatalog } from './policy-catalog';

/**
 * The parameter versions shipped with the platform, as raw JSON (canonical copies: see
 * seeds/policy/README.md). Bundled into the library so that workflows need no file access.
 */
export const SHIPPED_POLICY_VERSIONS: readonly unknown[] = [current2016, proposal2027];

let cached: PolicyCatalog | undefined;

/** The catalog of the shipped versions, validated on first use and cached. */
export function defaultPolicyCatalog(): PolicyCatalog {
  cached ??= PolicyCatalog.fromRaw(SHIPPED_POLICY_VERSIONS);
  return cached;
}
