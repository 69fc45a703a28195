import { readFileSync } from 'node:fs';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { CITY_CODE, isCodeWithin, OrgUnit, OrgUnitKind, RegionKind } from './org-unit';
import { OrgTreeInvalidError, parseOrgTree } from './org-tree-validator';

export { OrgTreeInvalidError } from './org-tree-validator';

/**
 * The org tree in memory (ORG-2): a few thousand units, loaded and validated once at boot.
 * Provided by PlatformHttpModule as a singleton; read-only afterwards.
 */
export class OrgUnitDirectory {
  private readonly byCode = new Map<string, OrgUnit>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(
    units: readonly OrgUnit[],
    readonly version = 'unversioned',
    source = 'in memory',
  ) {
    parseOrgTree(units, { source: `Org tree ${source}` });
    for (const u of units) {
      this.byCode.set(u.code, Object.freeze({ ...u }));
      if (!u.parent) continue;
      const siblings = this.childrenOf.get(u.parent);
      if (siblings) siblings.push(u.code);
      else this.childrenOf.set(u.parent, [u.code]);
    }
  }

  static fromFile(file: string): OrgUnitDirectory {
    let parsed: { version?: string; units?: unknown };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
    } catch (err) {
      throw new Error(`Cannot read org tree ${file}: ${(err as Error).message}`);
    }
    if (!Array.isArray(parsed.units))
      throw new OrgTreeInvalidError([{ code: '(tree)', problem: 'top-level "units" array is missing' }], `Org tree ${file}`);
    return new OrgUnitDirectory(parsed.units as OrgUnit[], parsed.version, file);
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): OrgUnit | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The unit, or NOT_FOUND naming the field it came from. */
  require(code: string, field = 'unitCode'): OrgUnit {
    const unit = this.byCode.get(code);
    if (!unit) throw new DomainError(ErrorCode.NOT_FOUND, `Org unit ${code} not found`, { field });
    return unit;
  }

  kindOf(code: string): OrgUnitKind | undefined {
    return this.byCode.get(code)?.kind;
  }

  /** ORG-4 region of a unit; areas inherit nothing here: the tree records it on each unit. */
  regionOf(code: string): RegionKind | undefined {
    return this.byCode.get(code)?.region;
  }

  parentOf(code: string): OrgUnit | undefined {
    const parent = this.byCode.get(code)?.parent;
    return parent ? this.byCode.get(parent) : undefined;
  }

  /** Ancestors from the parent up to the city. */
  ancestorsOf(code: string): OrgUnit[] {
    const out: OrgUnit[] = [];
    for (let p = this.parentOf(code); p; p = this.parentOf(p.code)) out.push(p);
    return out;
  }

  childrenOfUnit(code: string): OrgUnit[] {
    return (this.childrenOf.get(code) ?? []).map((c) => this.byCode.get(c)!);
  }

  /** Units of a kind inside a scope (e.g. every street of a district). */
  unitsWithin(scopeCode: string, kind?: OrgUnitKind): OrgUnit[] {
    return [...this.byCode.values()].filter((u) => isCodeWithin(scopeCode, u.code) && (!kind || u.kind === kind));
  }

  /** True when `unitCode` exists and lies in the subtree of `scopeCode` (itself included). */
  isWithin(scopeCode: string, unitCode: string): boolean {
    return this.byCode.has(scopeCode) && this.byCode.has(unitCode) && isCodeWithin(scopeCode, unitCode);
  }

  get cityCode(): string {
    return CITY_CODE;
  }
}
