/**
 * Validates a raw org tree (the parsed seeds/org-tree/shanghai.json, or its `units` array) and
 * reports what it holds. Pure: the caller reads the file. Every problem is collected before
 * throwing, so one run shows everything wrong with a tree, each naming the unit code (ORG-2).
 */
import { OrgTreeInvalidError } from './org-tree.errors';
import { buildOrgTreeReport } from './org-tree.report';
import {
  CODE_LENGTH,
  ORG_UNIT_KINDS,
  REGION_KINDS,
  type OrgTreeProblem,
  type OrgTreeReport,
  type OrgUnit,
  type OrgUnitKind,
  type RegionKind,
} from './org-tree.types';

export interface LoadedOrgTree {
  units: OrgUnit[];
  report: OrgTreeReport;
}

const KIND_ABOVE: Readonly<Record<OrgUnitKind, OrgUnitKind | null>> = { city: null, district: 'city', street: 'district', area: 'street' };

export function validateOrgTree(raw: unknown): LoadedOrgTree {
  const problems: OrgTreeProblem[] = [];
  const { records, version } = unitsOf(raw, problems);
  const units = records.map((record, index) => readUnit(record, index, problems)).filter((unit): unit is OrgUnit => unit !== null);
  const byCode = indexByCode(units, problems);
  for (const unit of units) checkPlacement(unit, byCode, problems);
  checkCycles(units, byCode, problems);
  if (units.filter((unit) => unit.kind === 'city').length !== 1) problems.push({ code: '(tree)', problem: 'must have exactly one city unit' });
  if (problems.length > 0) throw new OrgTreeInvalidError(problems);
  return { units, report: buildOrgTreeReport(units, version) };
}

function unitsOf(raw: unknown, problems: OrgTreeProblem[]): { records: unknown[]; version: string | null } {
  if (Array.isArray(raw)) return { records: raw, version: null };
  if (isObject(raw) && Array.isArray(raw.units)) {
    return { records: raw.units, version: typeof raw.version === 'string' ? raw.version : null };
  }
  problems.push({ code: '(tree)', problem: 'expected an array of units or an object with a `units` array' });
  return { records: [], version: null };
}

function readUnit(record: unknown, index: number, problems: OrgTreeProblem[]): OrgUnit | null {
  if (!isObject(record)) {
    problems.push({ code: `(unit #${index})`, problem: 'is not an object' });
    return null;
  }
  const code = typeof record.code === 'string' ? record.code : `(unit #${index})`;
  const before = problems.length;
  const fail = (problem: string): void => void problems.push({ code, problem });
  if (typeof record.code !== 'string' || !/^\d+$/.test(record.code)) fail('code must be a string of digits');
  if (typeof record.name !== 'string' || record.name.trim() === '') fail('name must be a non-empty string');
  const kind = record.kind as OrgUnitKind;
  if (!ORG_UNIT_KINDS.includes(kind)) fail(`kind must be one of ${ORG_UNIT_KINDS.join(', ')}, got ${String(record.kind)}`);
  else if (code.length !== CODE_LENGTH[kind]) fail(`a ${kind} code has ${CODE_LENGTH[kind]} digits, this one has ${code.length}`);
  if (record.parent !== null && typeof record.parent !== 'string') fail('parent must be a code or null');
  if (kind === 'city') {
    if (record.region !== undefined) fail('the city carries no region');
  } else if (!REGION_KINDS.includes(record.region as RegionKind)) {
    fail(`region must be one of ${REGION_KINDS.join(', ')} (ORG-4), got ${String(record.region)}`);
  }
  for (const field of ['households', 'population'] as const) {
    const value = record[field];
    if (kind === 'area' && !(Number.isInteger(value) && (value as number) > 0)) fail(`${field} must be a positive integer on an area`);
    if (kind !== 'area' && value !== undefined) fail(`${field} belongs on areas only`);
  }
  if (kind === 'area' && (record.population as number) < (record.households as number)) fail('population is smaller than households');
  if (problems.length > before) return null;
  return {
    code,
    name: record.name as string,
    ...(typeof record.nameEn === 'string' ? { nameEn: record.nameEn } : {}),
    kind,
    parent: record.parent as string | null,
    ...(record.region !== undefined ? { region: record.region as RegionKind } : {}),
    ...(kind === 'area' ? { households: record.households as number, population: record.population as number } : {}),
    ...(record.synthetic === true ? { synthetic: true } : {}),
  };
}

function indexByCode(units: OrgUnit[], problems: OrgTreeProblem[]): Map<string, OrgUnit> {
  const byCode = new Map<string, OrgUnit>();
  for (const unit of units) {
    if (byCode.has(unit.code)) problems.push({ code: unit.code, problem: 'duplicate code' });
    else byCode.set(unit.code, unit);
  }
  return byCode;
}

/** One parent of the kind right above, whose code is a prefix of the unit's code. */
function checkPlacement(unit: OrgUnit, byCode: Map<string, OrgUnit>, problems: OrgTreeProblem[]): void {
  const fail = (problem: string): void => void problems.push({ code: unit.code, problem });
  const expectedParentKind = KIND_ABOVE[unit.kind];
  if (expectedParentKind === null) {
    if (unit.parent !== null) fail('the city must have parent null');
    return;
  }
  if (unit.parent === null) return fail(`a ${unit.kind} needs a parent ${expectedParentKind}`);
  if (unit.parent === unit.code) return; // reported as a cycle
  const parent = byCode.get(unit.parent);
  if (!parent) return fail(`parent ${unit.parent} does not exist`);
  if (parent.kind !== expectedParentKind) fail(`wrong kind order: a ${unit.kind}'s parent must be a ${expectedParentKind}, ${parent.code} is a ${parent.kind}`);
  if (!unit.code.startsWith(parent.code)) fail(`code does not start with its parent's code ${parent.code}`);
}

/** Follows parents from every unit; a walk that comes back to a unit on its own path is a cycle. */
function checkCycles(units: OrgUnit[], byCode: Map<string, OrgUnit>, problems: OrgTreeProblem[]): void {
  const done = new Set<string>();
  for (const start of units) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: OrgUnit | undefined = start;
    while (current && !done.has(current.code)) {
      if (onPath.has(current.code)) {
        const cycle = path.slice(path.indexOf(current.code));
        problems.push({ code: current.code, problem: `cycle through parents: ${[...cycle, current.code].join(' → ')}` });
        break;
      }
      onPath.add(current.code);
      path.push(current.code);
      current = current.parent === null ? undefined : byCode.get(current.parent);
    }
    for (const code of path) done.add(code);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
