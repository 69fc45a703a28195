/**
 * Reads and validates an org-tree JSON file (I/O kept apart from the pure loader). The platform's
 * ORG_TREE_FILE setting points at seeds/org-tree/shanghai.json by default.
 */
import { readFileSync } from 'node:fs';
import { validateOrgTree, type LoadedOrgTree } from './org-tree.loader';

export function loadOrgTreeFile(path: string): LoadedOrgTree {
  return validateOrgTree(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}
