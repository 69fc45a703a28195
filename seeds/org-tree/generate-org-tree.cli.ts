/**
 * Writes seeds/org-tree/shanghai.json from streets.ts (real districts and streets) plus synthetic
 * committees. Deterministic: `npm run ts -- seeds/org-tree/generate-org-tree.cli.ts [--seed N]
 * [--out path]`. One unit per line keeps the file compact and its diffs readable.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOrgTree, DEFAULT_ORG_TREE_SEED, type OrgUnitRecord } from '@cwp/synthetic';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const seed = Number(flag('seed') ?? DEFAULT_ORG_TREE_SEED);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${flag('seed')}`);
const out = flag('out') ?? join(__dirname, 'shanghai.json');

const units = buildOrgTree(seed);
const header = {
  version: '2026-11-full',
  description:
    'Shanghai org tree: city, 16 districts (GB/T 2260 codes) and 215 streets/towns/townships (real names and 2022 statistical codes); residential and village committees with their names, households and population are synthetic (synthetic: true).',
  generator: `seeds/org-tree/generate-org-tree.cli.ts --seed ${seed}`,
};
const lines = units.map((unit: OrgUnitRecord) => JSON.stringify(unit));
const head = JSON.stringify(header).slice(0, -1);
writeFileSync(out, `${head},\n"units": [\n${lines.join(',\n')}\n]}\n`);

const areas = units.filter((unit) => unit.kind === 'area');
const households = areas.reduce((sum, unit) => sum + (unit.households ?? 0), 0);
console.log(`wrote ${out}: ${units.length} units, ${areas.length} areas, ${households} households`);
