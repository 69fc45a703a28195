import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOrgTree } from './build-org-tree';
import { DISTRICTS } from './streets';

describe('seeds/org-tree generator', () => {
  const built = buildOrgTree();

  it('reproduces the committed shanghai.json exactly (regenerate it after editing streets.ts)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../../seeds/org-tree/shanghai.json'), 'utf8')) as { units: unknown[] };
    expect(committed.units).toEqual(built);
  });

  it('is deterministic per seed and changes with the seed', () => {
    expect(buildOrgTree(5)).toEqual(buildOrgTree(5));
    expect(buildOrgTree(5)).not.toEqual(buildOrgTree(6));
  });

  it('lists 16 districts and 215 street-level units: 107 街道, 106 镇, 2 乡', () => {
    const streets = DISTRICTS.flatMap((d) => d.streets.map((s) => s[1]));
    expect(DISTRICTS).toHaveLength(16);
    expect(streets).toHaveLength(215);
    expect(streets.filter((name) => name.endsWith('街道'))).toHaveLength(107);
    expect(streets.filter((name) => name.endsWith('乡'))).toHaveLength(2);
    expect(streets.filter((name) => name.endsWith('镇') && !name.endsWith('街道'))).toHaveLength(106);
  });

  it('gives every street a unique 3-digit suffix within its district', () => {
    for (const district of DISTRICTS) {
      const suffixes = district.streets.map((s) => s[0]);
      expect(new Set(suffixes).size).toBe(suffixes.length);
      for (const suffix of suffixes) expect(suffix).toMatch(/^\d{3}$/);
    }
  });

  it('names committees uniquely within each street', () => {
    const seen = new Map<string, Set<string>>();
    for (const unit of built.filter((u) => u.kind === 'area')) {
      const names = seen.get(unit.parent ?? '') ?? new Set<string>();
      expect(names.has(unit.name)).toBe(false);
      names.add(unit.name);
      seen.set(unit.parent ?? '', names);
    }
  });
});
