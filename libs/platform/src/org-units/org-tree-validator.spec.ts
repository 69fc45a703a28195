import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_LENGTH } from './org-unit';
import { findOrgTreeProblems, OrgTreeInvalidError, parseOrgTree, type OrgTreeProblem } from './org-tree-validator';

const SHANGHAI = join(__dirname, '../../../../seeds/org-tree/shanghai.json');
type RawUnit = Record<string, unknown>;

/** A minimal complete tree: city → district → street → two areas. */
function smallTree(): RawUnit[] {
  return [
    { code: '31', name: '上海市', kind: 'city', parent: null },
    { code: '310101', name: '黄浦区', kind: 'district', parent: '31', region: 'central' },
    { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101', region: 'central' },
    { code: '310101002001', name: '甲居民区', kind: 'area', parent: '310101002', region: 'central', households: 2100, population: 5000 },
    { code: '310101002002', name: '乙居民区', kind: 'area', parent: '310101002', region: 'central', households: 900, population: 2100 },
  ];
}

const complete = { complete: true };

describe('the one org-tree validator (ORG-2, ORG-4)', () => {
  it('accepts a complete tree and returns its units and version', () => {
    const { units, version } = parseOrgTree({ version: 'test', units: smallTree() }, complete);
    expect(units).toHaveLength(5);
    expect(version).toBe('test');
    expect(units[3]).toMatchObject({ code: '310101002001', households: 2100, population: 5000 });
  });

  it('one code-length table: city 2, district 6, street 9, area 12 digits', () => {
    expect(CODE_LENGTH).toEqual({ city: 2, district: 6, street: 9, area: 12 });
    const tree = smallTree();
    tree[1] = { ...tree[1], code: '3101010' };
    expect(findOrgTreeProblems(tree, complete)).toContainEqual({
      code: '3101010',
      problem: 'a district code has 6 digits, this one has 7',
    });
  });

  it.each<[string, (tree: RawUnit[]) => void, OrgTreeProblem]>([
    ['a duplicate code', (t) => t.push({ ...t[3] }), { code: '310101002001', problem: 'duplicate code' }],
    [
      'a missing parent',
      (t) => (t[4] = { ...t[4], code: '310101003001', parent: '310101003' }),
      { code: '310101003001', problem: 'parent 310101003 does not exist' },
    ],
    [
      'a code not extending its parent',
      (t) => t.push({ code: '310104003', name: '天平路街道', kind: 'street', parent: '310101', region: 'central' }),
      { code: '310104003', problem: "code does not start with its parent's code 310101" },
    ],
    [
      'a second city',
      (t) => t.push({ code: '32', name: '别市', kind: 'city', parent: null }),
      { code: '(tree)', problem: 'must have exactly one city unit' },
    ],
  ])('rejects %s, naming the unit', (_what, spoil, problem) => {
    const tree = smallTree();
    spoil(tree);
    expect(findOrgTreeProblems(tree, complete)).toContainEqual(problem);
  });

  it('rejects a cycle, naming the units on it', () => {
    const tree = smallTree();
    tree.push({ code: '310104', name: '徐汇区', kind: 'district', parent: '310105', region: 'central' });
    tree.push({ code: '310105', name: '长宁区', kind: 'district', parent: '310104', region: 'central' });
    const cycles = findOrgTreeProblems(tree, complete).filter((p) => /cycle/.test(p.problem));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.problem).toMatch(/310104 → 310105 → 310104|310105 → 310104 → 310105/);
  });

  it('complete (seed files): region on every unit below the city, figures on every area', () => {
    const tree = smallTree();
    delete tree[2]!.region;
    tree[3] = { ...tree[3], households: 0 };
    delete tree[4]!.population;
    const problems = findOrgTreeProblems(tree, complete);
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: '310101002', problem: 'region must be one of central, fringe, suburb (ORG-4), got undefined' },
        { code: '310101002001', problem: 'households must be a positive integer on an area' },
        { code: '310101002002', problem: 'population must be a positive integer on an area' },
      ]),
    );
    // The directory's structural check lets the missing region and population pass, not a bad figure.
    expect(findOrgTreeProblems(tree).map((p) => p.code)).toEqual(['310101002001']);
  });

  it('throws OrgTreeInvalidError listing every problem in its message', () => {
    const tree = smallTree();
    tree.push({ ...tree[3] });
    tree.push({ code: '310101003001', name: '孤儿', kind: 'area', parent: '310101003', region: 'central', households: 5, population: 9 });
    let error: unknown;
    try {
      parseOrgTree(tree, { ...complete, source: 'seeds/test.json' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OrgTreeInvalidError);
    expect((error as OrgTreeInvalidError).code).toBe('ORG_TREE_INVALID');
    expect((error as Error).message).toMatch(
      /seeds\/test\.json is invalid \(2 problems\)[\s\S]*310101002001: duplicate code[\s\S]*310101003001: parent 310101003 does not exist/,
    );
  });

  it('accepts seeds/org-tree/shanghai.json as complete', () => {
    const { units } = parseOrgTree(JSON.parse(readFileSync(SHANGHAI, 'utf8')), complete);
    expect(units.length).toBeGreaterThan(6000);
  });
});
