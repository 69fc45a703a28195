import { ORG_UNIT_KINDS, REGION_KINDS, type OrgUnit, type OrgUnitKind, type RegionKind } from '@cwp/platform';

export interface OrgTreeReport {
  version: string | null;
  units: number;
  byKind: Record<OrgUnitKind, number>;
  /** Districts, streets and areas per ORG-4 region. */
  byRegion: Record<RegionKind, { districts: number; streets: number; areas: number }>;
  /** Totals over areas. */
  households: number;
  population: number;
  syntheticUnits: number;
  /** Fewest and most areas under one street. */
  areasPerStreet: { min: number; max: number };
}

/** What a loaded tree holds: counts by kind and ORG-4 region, and area totals (QUOTA-1/2 inputs). */
export function buildOrgTreeReport(units: readonly OrgUnit[], version: string | null): OrgTreeReport {
  const byKind = Object.fromEntries(ORG_UNIT_KINDS.map((kind) => [kind, 0])) as Record<OrgUnitKind, number>;
  const byRegion = Object.fromEntries(
    REGION_KINDS.map((region) => [region, { districts: 0, streets: 0, areas: 0 }]),
  ) as OrgTreeReport['byRegion'];
  const areasPerStreet = new Map<string, number>();
  let households = 0;
  let population = 0;
  let syntheticUnits = 0;
  for (const unit of units) {
    byKind[unit.kind] += 1;
    if (unit.synthetic) syntheticUnits += 1;
    const region = unit.region as RegionKind | undefined;
    if (region && unit.kind !== 'city') byRegion[region][`${unit.kind}s` as 'districts' | 'streets' | 'areas'] += 1;
    if (unit.kind === 'street') areasPerStreet.set(unit.code, areasPerStreet.get(unit.code) ?? 0);
    if (unit.kind === 'area') {
      households += unit.households ?? 0;
      population += unit.population ?? 0;
      if (unit.parent) areasPerStreet.set(unit.parent, (areasPerStreet.get(unit.parent) ?? 0) + 1);
    }
  }
  const counts = [...areasPerStreet.values()];
  return {
    version,
    units: units.length,
    byKind,
    byRegion,
    households,
    population,
    syntheticUnits,
    areasPerStreet: { min: counts.length ? Math.min(...counts) : 0, max: counts.length ? Math.max(...counts) : 0 },
  };
}

/** The report as a few readable lines for CLIs. */
export function formatOrgTreeReport(report: OrgTreeReport): string {
  const kinds = ORG_UNIT_KINDS.map((kind) => `${kind} ${report.byKind[kind]}`).join(', ');
  const regions = REGION_KINDS.map((region) => {
    const r = report.byRegion[region];
    return `  ${region.padEnd(8)} districts ${r.districts}, streets ${r.streets}, areas ${r.areas}`;
  });
  return [
    `org tree ${report.version ?? '(no version)'}: ${report.units} units (${kinds})`,
    'by region (ORG-4):',
    ...regions,
    `areas: ${report.households.toLocaleString('en')} households, ${report.population.toLocaleString('en')} people; ${report.areasPerStreet.min}–${report.areasPerStreet.max} areas per street`,
    `synthetic units: ${report.syntheticUnits}`,
  ].join('\n');
}
