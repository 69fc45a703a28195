import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrgTreeInvalidError } from './org-tree.errors';
import { validateOrgTree } from './org-tree.loader';
import type { OrgTreeProblem } from './org-tree.types';

const SHANGHAI = join(__dirname, '../../../../seeds/org-tree/shanghai.json');

type RawUnit = Record<string, unknown>;

/** A minimal valid tree: city → district → street → two areas. */
function smallTree(): RawUnit[] {
  return [
    { code: '31', name: '上海市', kind: 'city', parent: null },
    { code: '310101', name: '黄浦区', kind: 'district', parent: '31', region: 'central' },
    { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101', region: 'central' },
    { code: '310101002001', name: '甲居民区', kind: 'area', parent: '310101002', region: 'central', households: 2100, population: 5000 },
    { code: '310101002002', name: '乙居民区', kind: 'area', parent: '310101002', region: 'central', households: 900, population: 2100 },
  ];
}

function problemsOf(raw: unknown): OrgTreeProblem[] {
  try {
    validateOrgTree(raw);
  } catch (error) {
    if (error instanceof OrgTreeInvalidError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the tree to be rejected');
}

describe('validateOrgTree (ORG-2 tree shape)', () => {
  it('accepts a valid tree and reports counts by kind and region (ORG-4) and area totals', () => {
    const { units, report } = validateOrgTree({ version: 'test', units: smallTree() });
    expect(units).toHaveLength(5);
    expect(report.byKind).toEqual({ city: 1, district: 1, street: 1, area: 2 });
    expect(report.byRegion.central).toEqual({ districts: 1, streets: 1, areas: 2 });
    expect(report.households).toBe(3000);
    expect(report.population).toBe(7100);
    expect(report.version).toBe('test');
  });

  it('rejects a duplicate code, naming it', () => {
    const tree = [...smallTree(), { ...smallTree()[3] }];
    expect(problemsOf(tree)).toEqual([{ code: '310101002001', problem: 'duplicate code' }]);
  });

  it('rejects a missing parent, naming the orphan and the parent', () => {
    const tree = smallTree();
    tree[4] = { ...tree[4], code: '310101003001', parent: '310101003' };
    const problems = problemsOf(tree);
    expect(problems).toContainEqual({ code: '310101003001', problem: 'parent 310101003 does not exist' });
  });

  it('rejects a cycle, naming the units on it', () => {
    const tree = smallTree();
    tree[2] = { ...tree[2], parent: '310101002' };
    const problems = problemsOf(tree);
    expect(problems.some((p) => p.code === '310101002' && /cycle/.test(p.problem))).toBe(true);
  });

  it('rejects a two-unit cycle between districts', () => {
    const tree = smallTree();
    tree.push({ code: '310104', name: '徐汇区', kind: 'district', parent: '310105', region: 'central' });
    tree.push({ code: '310105', name: '长宁区', kind: 'district', parent: '310104', region: 'central' });
    const cycles = problemsOf(tree).filter((p) => /cycle/.test(p.problem));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].problem).toMatch(/310104|310105/);
  });

  it('rejects a code that does not start with its parent code', () => {
    const tree = smallTree();
    tree.push({ code: '310104003', name: '天平路街道', kind: 'street', parent: '310101', region: 'central' });
    expect(problemsOf(tree)).toEqual([{ code: '310104003', problem: "code does not start with its parent's code 310101" }]);
  });

  it('rejects the wrong kind order (an area directly under a district)', () => {
    const tree = smallTree();
    tree.push({ code: '310101009', name: '错位', kind: 'street', parent: '310101', region: 'central' });
    tree.push({ code: '310101009001', name: '丙居民区', kind: 'area', parent: '310101', region: 'central', households: 10, population: 20 });
    const problems = problemsOf(tree);
    expect(problems).toContainEqual({
      code: '310101009001',
      problem: "wrong kind order: a area's parent must be a street, 310101 is a district",
    });
  });

  it('rejects a missing region (ORG-4) and non-positive households on areas', () => {
    const tree = smallTree();
    delete tree[2].region;
    tree[3] = { ...tree[3], households: 0 };
    const problems = problemsOf(tree);
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['310101002', '310101002001']));
    expect(problems.find((p) => p.code === '310101002')?.problem).toMatch(/region/);
    expect(problems.find((p) => p.code === '310101002001')?.problem).toMatch(/households must be a positive integer/);
  });

  it('lists every problem at once in the error message', () => {
    const tree = smallTree();
    tree.push({ ...tree[3] });
    tree.push({ code: '310101003001', name: '孤儿', kind: 'area', parent: '310101003', region: 'central', households: 5, population: 9 });
    expect(() => validateOrgTree(tree)).toThrow(/2 problems[\s\S]*310101002001: duplicate code[\s\S]*310101003001: parent 310101003 does not exist/);
  });
});

describe('seeds/org-tree/shanghai.json', () => {
  const { units, report } = validateOrgTree(JSON.parse(readFileSync(SHANGHAI, 'utf8')));

  it('loads the whole city: 16 districts, 200–230 streets/towns, 6,000–7,000 areas', () => {
    expect(report.byKind.city).toBe(1);
    expect(report.byKind.district).toBe(16);
    expect(report.byKind.street).toBeGreaterThanOrEqual(200);
    expect(report.byKind.street).toBeLessThanOrEqual(230);
    expect(report.byKind.area).toBeGreaterThanOrEqual(6000);
    expect(report.byKind.area).toBeLessThanOrEqual(7000);
  });

  it('keeps the reference codes other services test against', () => {
    const codes = new Set(units.map((unit) => unit.code));
    for (const code of ['310101002', '310101013', '310104003', '310112101', '310101002001', '310101002002', '310101013001', '310104003001', '310112101001']) {
      expect(codes).toContain(code);
    }
  });

  it('ORG-4: the seven central districts are central, all three regions have areas', () => {
    const central = units.filter((unit) => unit.kind === 'district' && unit.region === 'central').map((unit) => unit.name);
    expect(central.sort()).toEqual(['普陀区', '杨浦区', '徐汇区', '虹口区', '长宁区', '静安区', '黄浦区'].sort());
    for (const region of ['central', 'fringe', 'suburb'] as const) expect(report.byRegion[region].areas).toBeGreaterThan(500);
  });

  it('QUOTA-2 matters: a good share of areas has more than 2,000 households, most have 1,000–3,500', () => {
    const areas = units.filter((unit) => unit.kind === 'area');
    const above2000 = areas.filter((unit) => (unit.households ?? 0) > 2000).length / areas.length;
    const typical = areas.filter((unit) => (unit.households ?? 0) >= 1000 && (unit.households ?? 0) <= 3500).length / areas.length;
    expect(above2000).toBeGreaterThan(0.15);
    expect(typical).toBeGreaterThan(0.6);
  });

  it('every committee is marked synthetic; districts and streets are real', () => {
    expect(units.filter((unit) => unit.kind === 'area').every((unit) => unit.synthetic === true)).toBe(true);
    expect(units.filter((unit) => unit.kind !== 'area').some((unit) => unit.synthetic)).toBe(false);
  });
});
