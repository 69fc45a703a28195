import { CITY_CODE, CODE_LENGTH, OrgUnit, OrgUnitKind } from './org-unit';

const KINDS: readonly OrgUnitKind[] = ['city', 'district', 'street', 'area'];
const PARENT_KIND: Record<OrgUnitKind, OrgUnitKind | null> = { city: null, district: 'city', street: 'district', area: 'street' };
const REGIONS = ['central', 'fringe', 'suburb'];

/**
 * Every problem with a tree, empty when valid: unique codes, one root (the city), each other
 * unit with exactly one existing parent of the kind above it, codes of the right length that
 * extend the parent's code (so subtree = prefix), and no cycles.
 */
export function validateOrgTree(units: readonly unknown[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, OrgUnit>();
  units.forEach((raw, i) => {
    const u = raw as Partial<OrgUnit>;
    const where = `unit #${i}${typeof u?.code === 'string' ? ` (${u.code})` : ''}`;
    if (!u || typeof u !== 'object') return void problems.push(`${where}: not an object`);
    if (typeof u.code !== 'string' || !/^\d+$/.test(u.code)) return void problems.push(`${where}: code must be a string of digits`);
    if (typeof u.name !== 'string' || u.name === '') problems.push(`${where}: name is required`);
    if (!KINDS.includes(u.kind as OrgUnitKind)) return void problems.push(`${where}: kind must be one of ${KINDS.join(', ')}`);
    if (u.code.length !== CODE_LENGTH[u.kind as OrgUnitKind]) problems.push(`${where}: a ${u.kind} code has ${CODE_LENGTH[u.kind as OrgUnitKind]} digits`);
    if (u.region !== undefined && !REGIONS.includes(u.region)) problems.push(`${where}: region must be one of ${REGIONS.join(', ')}`);
    if (byCode.has(u.code)) problems.push(`${where}: duplicate code ${u.code}`);
    else byCode.set(u.code, u as OrgUnit);
  });

  const roots = [...byCode.values()].filter((u) => u.parent === null || u.parent === undefined);
  if (roots.length !== 1 || roots[0].code !== CITY_CODE || roots[0].kind !== 'city') {
    problems.push(`exactly one root is required, the city ${CITY_CODE}; found ${roots.map((r) => r.code).join(', ') || 'none'}`);
  }
  for (const u of byCode.values()) {
    if (u.parent === null || u.parent === undefined) continue;
    const parent = byCode.get(u.parent);
    if (!parent) {
      problems.push(`${u.code}: parent ${u.parent} does not exist`);
      continue;
    }
    if (PARENT_KIND[u.kind] !== parent.kind) problems.push(`${u.code}: a ${u.kind} must sit under a ${PARENT_KIND[u.kind]}, not a ${parent.kind}`);
    if (!u.code.startsWith(parent.code)) problems.push(`${u.code}: code must start with its parent's code ${parent.code}`);
  }
  // Cycles cannot pass the prefix and kind rules above, but a broken file should say so plainly.
  for (const start of byCode.values()) {
    const seen = new Set<string>();
    for (let u: OrgUnit | undefined = start; u && u.parent; u = byCode.get(u.parent)) {
      if (seen.has(u.code)) {
        problems.push(`${start.code}: parent chain has a cycle through ${u.code}`);
        break;
      }
      seen.add(u.code);
    }
  }
  return problems;
}
