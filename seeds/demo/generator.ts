/**
 * The one door to the synthetic workforce generator. It lives in @cwp/workforce today and is
 * moving to its own package (libs/synthetic): re-point the import below, nothing else.
 */
import type { generateWorkforce } from '@cwp/workforce';

export { generateWorkforce, intBetween, keyedRandom, loadOrgTreeFile, type OrgUnit, type Random } from '@cwp/workforce';

/** A worker as the generator yields it (synthetic: true, no national ID, no phone number). */
export type SyntheticWorker = ReturnType<typeof generateWorkforce> extends Generator<infer W, unknown, unknown> ? W : never;
