import path from 'node:path';
import { OrgUnit } from './org-unit';
import { OrgTreeInvalidError, OrgUnitDirectory } from './org-unit-directory';
import { validateOrgTree } from './validate-org-tree';

const tree: OrgUnit[] = [
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31', region: 'central' },
  { code: '310104', name: '徐汇区', kind: 'district', parent: '31', region: 'central' },
  { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101', region: 'central' },
  { code: '310101002001', name: 'A居委', kind: 'area', parent: '310101002', region: 'central', households: 2100 },
  { code: '310104003', name: '天平路街道', kind: 'street', parent: '310104', region: 'central' },
];

describe('OrgUnitDirectory (ORG-2)', () => {
  const dir = new OrgUnitDirectory(tree);

  it('looks units up by code with kind, region, parent and ancestors', () => {
    expect(dir.get('310101002')?.name).toBe('南京东路街道');
    expect(dir.kindOf('310101002001')).toBe('area');
    expect(dir.regionOf('310104')).toBe('central');
    expect(dir.parentOf('310101002')?.code).toBe('310101');
    expect(dir.ancestorsOf('310101002001').map((u) => u.code)).toEqual(['310101002', '310101', '31']);
    expect(dir.childrenOfUnit('31').map((u) => u.code)).toEqual(['310101', '310104']);
    expect(dir.unitsWithin('310101', 'street').map((u) => u.code)).toEqual(['310101002']);
  });

  it('isWithin follows the prefix rule and includes the scope itself', () => {
    expect(dir.isWithin('31', '310104003')).toBe(true);
    expect(dir.isWithin('310101', '310101002001')).toBe(true);
    expect(dir.isWithin('310101002', '310101002')).toBe(true);
    expect(dir.isWithin('310101', '310104003')).toBe(false);
    expect(dir.isWithin('310101002', '310101')).toBe(false);
  });

  it('isWithin is false for codes that are not in the tree, even when the prefix matches', () => {
    expect(dir.isWithin('310101', '310101999')).toBe(false);
  });

  it('require throws NOT_FOUND naming the field', () => {
    expect(() => dir.require('310199', 'streetCode')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'streetCode' }));
  });

  it('loads and validates the committed org tree file', () => {
    const file = path.resolve(__dirname, '../../../../seeds/org-tree/shanghai.json');
    const loaded = OrgUnitDirectory.fromFile(file);
    expect(loaded.get('31')?.kind).toBe('city');
    expect(loaded.size).toBeGreaterThan(10);
  });
});

describe('validateOrgTree', () => {
  it('accepts a valid tree', () => {
    expect(validateOrgTree(tree)).toEqual([]);
  });

  it('rejects duplicate codes', () => {
    expect(validateOrgTree([...tree, { ...tree[3] }])).toEqual(['310101002: duplicate code']);
  });

  it('rejects a missing parent, a parent of the wrong kind and a code that does not extend the parent', () => {
    const problems = validateOrgTree([
      ...tree,
      { code: '310105001', name: 'x', kind: 'street', parent: '310105' },
      { code: '310101002002', name: 'y', kind: 'area', parent: '310101' },
      { code: '310104005', name: 'z', kind: 'street', parent: '310101' },
    ]);
    expect(problems).toEqual([
      expect.stringContaining('310105001: parent 310105 does not exist'),
      expect.stringContaining("310101002002: wrong kind order: a area's parent must be a street"),
      expect.stringContaining("310104005: code does not start with its parent's code"),
    ]);
  });

  it('rejects a second root, a wrong code length and a cycle', () => {
    const cyclic = [
      ...tree,
      { code: '32', name: 'other', kind: 'city', parent: null },
      { code: '3101010', name: 'bad', kind: 'district', parent: '31' },
      { code: '310107', name: 'c1', kind: 'district', parent: '310108' },
      { code: '310108', name: 'c2', kind: 'district', parent: '310107' },
    ] as OrgUnit[];
    const problems = validateOrgTree(cyclic);
    expect(problems.join('\n')).toMatch(/exactly one city unit/);
    expect(problems.join('\n')).toMatch(/3101010: a district code has 6 digits/);
    expect(problems.join('\n')).toMatch(/cycle/);
  });

  it('the directory refuses an invalid tree with every problem listed', () => {
    expect(() => new OrgUnitDirectory([...tree, { ...tree[1] }])).toThrow(OrgTreeInvalidError);
  });
});
