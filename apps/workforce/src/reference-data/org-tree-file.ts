import { readFileSync } from 'node:fs';
import { parseOrgTree, type OrgUnit } from '@cwp/platform';

/**
 * The service's seed loader: reads ORG_TREE_FILE and checks it with the platform's org-tree
 * validator as a complete seed tree (every district, street and area with its ORG-4 region, every
 * area with positive households and population), throwing OrgTreeInvalidError with every problem.
 */
export function readOrgTreeFile(path: string): OrgUnit[] {
  return parseOrgTree(JSON.parse(readFileSync(path, 'utf8')) as unknown, { complete: true, source: `Org tree ${path}` }).units;
}
