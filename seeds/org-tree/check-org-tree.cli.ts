/**
 * Validates an org-tree file with the platform's org-tree validator (as a complete seed tree) and
 * prints what it holds:
 *   npm run ts -- seeds/org-tree/check-org-tree.cli.ts [path]   (default seeds/org-tree/shanghai.json)
 * Exits 1 with every problem listed when the tree is invalid.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OrgTreeInvalidError, parseOrgTree } from '@cwp/platform';
import { buildOrgTreeReport, formatOrgTreeReport } from './org-tree.report';

const path = resolve(process.argv[2] ?? 'seeds/org-tree/shanghai.json');
try {
  const started = performance.now();
  const { units, version } = parseOrgTree(JSON.parse(readFileSync(path, 'utf8')) as unknown, { complete: true, source: path });
  const report = buildOrgTreeReport(units, version);
  console.log(`${path} (validated in ${Math.round(performance.now() - started)} ms)`);
  console.log(formatOrgTreeReport(report));
} catch (error) {
  if (!(error instanceof OrgTreeInvalidError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
