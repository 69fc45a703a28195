/**
 * The injection token of the service's PolicyCatalog (@cwp/policy): the parameter versions in
 * force by date. One token for every service, provided by PlatformPolicyModule.
 */
export const POLICY_CATALOG = Symbol.for('cwp:POLICY_CATALOG');
