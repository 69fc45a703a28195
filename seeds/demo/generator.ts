/**
 * The one door to the synthetic workforce generator (@cwp/synthetic) and to the org tree the demo
 * spreads it over. Seeds import no app (`seeds-and-benches-import-no-app`): the tree file is read
 * with the platform's own org-tree validator, as the services read it.
 */
import { readFileSync } from 'node:fs';
import { parseOrgTree, type OrgUnit } from '@cwp/platform';

export { generateWorkforce, intBetween, keyedRandom, type Random, type SyntheticWorker, type TreeUnit } from '@cwp/synthetic';
export type { OrgUnit } from '@cwp/platform';

/** Reads and validates an org-tree file as a complete seed tree (throws with every problem). */
export function loadOrgTreeFile(file: string): { units: OrgUnit[] } {
  return { units: parseOrgTree(JSON.parse(readFileSync(file, 'utf8')) as unknown, { complete: true, source: `Org tree ${file}` }).units };
}
