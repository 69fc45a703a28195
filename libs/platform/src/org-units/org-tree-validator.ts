/**
 * The one org-tree validator (ORG-2, ORG-4): the platform's directory and the seed loader both
 * use it. Pure: the caller reads the file. Every problem is collected before throwing, so one run
 * shows everything wrong with a tree, each naming the unit code.
 */
import { CITY_CODE, CODE_LENGTH, type OrgUnit, type OrgUnitKind, type RegionKind } from './org-unit';

export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = ['city', 'district', 'street', 'area'];
/** ORG-4: central city (城区), urban-rural fringe (城乡结合区), suburb (郊区). */
export const REGION_KINDS: readonly RegionKind[] = ['central', 'fringe', 'suburb'];
const KIND_ABOVE: Readonly<Record<OrgUnitKind, OrgUnitKind | null>> = { city: null, district: 'city', street: 'district', area: 'street' };

export interface OrgTreeProblem {
  /** The unit the problem is about (`(unit #i)` when it has no code), or `(tree)` for the whole tree. */
  code: string;
  problem: string;
}

export interface OrgTreeValidationOptions {
  /**
   * A seed file's tree: every district, street and area has its region (ORG-4), every area its
   * households and population (QUOTA-1), and figures sit on areas only. Off (the default), those
   * are checked only where present: enough for the directory, whose tests use small trees.
   */
  complete?: boolean;
}

/** Thrown with every problem found; the message lists them, one per line. */
export class OrgTreeInvalidError extends Error {
  readonly code = 'ORG_TREE_INVALID';

  constructor(
    readonly problems: readonly OrgTreeProblem[],
    readonly source = 'org tree',
  ) {
    const shown = problems.slice(0, 50).map((p) => `  ${p.code}: ${p.problem}`);
    const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
    super([`${source} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, ...shown, ...more].join('\n'));
    this.name = 'OrgTreeInvalidError';
  }
}

/** The units of a valid tree (an array of units, or `{ version?, units }`), or OrgTreeInvalidError. */
export function parseOrgTree(
  raw: unknown,
  options: OrgTreeValidationOptions & { source?: string } = {},
): { units: OrgUnit[]; version: string | null } {
  const problems: OrgTreeProblem[] = [];
  const result = collect(raw, options, problems);
  if (problems.length > 0) throw new OrgTreeInvalidError(problems, options.source);
  return result;
}

/** Every problem of a tree; empty when it is valid. */
export function findOrgTreeProblems(raw: unknown, options: OrgTreeValidationOptions = {}): OrgTreeProblem[] {
  const problems: OrgTreeProblem[] = [];
  collect(raw, options, problems);
  return problems;
}

function collect(
  raw: unknown,
  options: OrgTreeValidationOptions,
  problems: OrgTreeProblem[],
): { units: OrgUnit[]; version: string | null } {
  const { records, version } = unitsOf(raw, problems);
  const units = records
    .map((record, index) => readUnit(record, index, options.complete === true, problems))
    .filter((unit): unit is OrgUnit => unit !== null);
  const byCode = indexByCode(units, problems);
  for (const unit of units) checkPlacement(unit, byCode, problems);
  checkCycles(units, byCode, problems);
  const cities = units.filter((unit) => unit.kind === 'city');
  if (cities.length !== 1) problems.push({ code: '(tree)', problem: 'must have exactly one city unit' });
  else if (cities[0]!.code !== CITY_CODE) problems.push({ code: cities[0]!.code, problem: `the city's code is ${CITY_CODE}` });
  return { units, version };
}

function unitsOf(raw: unknown, problems: OrgTreeProblem[]): { records: unknown[]; version: string | null } {
  if (Array.isArray(raw)) return { records: raw, version: null };
  if (isObject(raw) && Array.isArray(raw.units)) {
    return { records: raw.units, version: typeof raw.version === 'string' ? raw.version : null };
  }
  problems.push({ code: '(tree)', problem: 'expected an array of units or an object with a `units` array' });
  return { records: [], version: null };
}

function readUnit(record: unknown, index: number, complete: boolean, problems: OrgTreeProblem[]): OrgUnit | null {
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
  const parent = record.parent === undefined && !complete ? null : record.parent;
  if (parent !== null && typeof parent !== 'string') fail('parent must be a code or null');
  checkRegion(record, kind, complete, fail);
  checkFigures(record, kind, complete, fail);
  if (problems.length > before) return null;
  return {
    code,
    name: record.name as string,
    ...(typeof record.nameEn === 'string' ? { nameEn: record.nameEn } : {}),
    kind,
    parent: parent as string | null,
    ...(record.region !== undefined ? { region: record.region as RegionKind } : {}),
    ...(typeof record.households === 'number' ? { households: record.households } : {}),
    ...(typeof record.population === 'number' ? { population: record.population } : {}),
    ...(record.synthetic === true ? { synthetic: true } : {}),
  };
}

function checkRegion(record: Record<string, unknown>, kind: OrgUnitKind, complete: boolean, fail: (problem: string) => void): void {
  if (kind === 'city') {
    if (complete && record.region !== undefined) fail('the city carries no region');
    return;
  }
  if (!complete && record.region === undefined) return;
  if (!REGION_KINDS.includes(record.region as RegionKind))
    fail(`region must be one of ${REGION_KINDS.join(', ')} (ORG-4), got ${String(record.region)}`);
}

function checkFigures(record: Record<string, unknown>, kind: OrgUnitKind, complete: boolean, fail: (problem: string) => void): void {
  for (const field of ['households', 'population'] as const) {
    const value = record[field];
    const required = complete && kind === 'area';
    if ((required || value !== undefined) && kind === 'area' && !(Number.isInteger(value) && (value as number) > 0))
      fail(`${field} must be a positive integer on an area`);
    if (complete && kind !== 'area' && value !== undefined) fail(`${field} belongs on areas only`);
  }
  if (
    kind === 'area' &&
    typeof record.population === 'number' &&
    typeof record.households === 'number' &&
    record.population < record.households
  ) {
    fail('population is smaller than households');
  }
}

function indexByCode(units: OrgUnit[], problems: OrgTreeProblem[]): Map<string, OrgUnit> {
  const byCode = new Map<string, OrgUnit>();
  for (const unit of units) {
    if (byCode.has(unit.code)) problems.push({ code: unit.code, problem: 'duplicate code' });
    else byCode.set(unit.code, unit);
  }
  return byCode;
}

/** One parent of the kind right above, whose code is a prefix of the unit's code (subtree = prefix). */
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
  if (parent.kind !== expectedParentKind)
    fail(`wrong kind order: a ${unit.kind}'s parent must be a ${expectedParentKind}, ${parent.code} is a ${parent.kind}`);
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
