/** Data fields that name the org unit an event is about, most specific first. */
const UNIT_FIELDS = ['unitCode', 'toUnitCode', 'holdingUnit', 'streetCode', 'areaCode', 'hostStreet', 'districtCode'] as const;

/**
 * The org unit an event belongs to, for jurisdiction of webhook subscriptions (ORG-2): the first
 * unit field its data carries. Null for events about no single unit (a city-wide review): only
 * city-scope subscriptions receive those.
 */
export function unitOfEvent(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  for (const field of UNIT_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && /^31\d*$/.test(value)) return value;
  }
  return null;
}

/** A subscription scoped to `scope` (a unit code) receives an event of `unit` when the unit lies in that subtree. */
export function inScope(scope: string, unit: string | null): boolean {
  if (scope === '31') return true;
  return unit !== null && unit.startsWith(scope);
}
