import { readFileSync } from 'node:fs';
import type { TreeUnit } from '../org-tree/org-tree-unit';
import { join } from 'node:path';
import { generateWorkforce, naturalHeadcount } from './generate-workforce';

const SEEDS = join(__dirname, '../../../../seeds');

describe('seeds/workforce/310101002-seed1.ndjson', () => {
  it('is exactly what the generator makes for 南京东路街道 with seed 1 (not stale, not hand-edited)', () => {
    const { units } = JSON.parse(readFileSync(join(SEEDS, 'org-tree/shanghai.json'), 'utf8')) as { units: TreeUnit[] };
    const street = units.filter((unit) => unit.code.startsWith('310101002'));
    const expected = [...generateWorkforce({ seed: 1, size: naturalHeadcount(1, street), units: street })];
    const committed = readFileSync(join(SEEDS, 'workforce/310101002-seed1.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(committed).toEqual(expected);
    expect(new Set(expected.map((w) => w.unitCode))).toEqual(new Set(street.map((unit) => unit.code)));
  });
});
