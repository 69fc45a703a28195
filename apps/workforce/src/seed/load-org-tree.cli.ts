/**
 * Validates an org-tree file and prints what it holds:
 *   npm run ts -- apps/workforce/src/seed/load-org-tree.cli.ts [path]   (default seeds/org-tree/shanghai.json)
 * Exits 1 with every problem listed when the tree is invalid.
 */
import { resolve } from 'node:path';
import { OrgTreeInvalidError } from './org-tree.errors';
import { loadOrgTreeFile } from './org-tree.file';
import { formatOrgTreeReport } from './org-tree.report';

const path = resolve(process.argv[2] ?? 'seeds/org-tree/shanghai.json');
try {
  const started = performance.now();
  const { report } = loadOrgTreeFile(path);
  console.log(`${path} (validated in ${Math.round(performance.now() - started)} ms)`);
  console.log(formatOrgTreeReport(report));
} catch (error) {
  if (!(error instanceof OrgTreeInvalidError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
