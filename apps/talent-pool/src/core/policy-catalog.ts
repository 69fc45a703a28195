/** The policy catalog (@cwp/policy `PolicyCatalog`) every decision reads its parameters from. */
export const POLICY_CATALOG = Symbol('POLICY_CATALOG');
