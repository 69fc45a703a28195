/**
 * Builds the full org tree (ORG-2, ORG-4) from streets.ts: real city, districts and streets, plus
 * synthetic residential/village committees with synthetic households and population (QUOTA-1/2
 * depend on them). Pure and deterministic: the same seed and source give the same tree.
 */
import { bellBetween, intBetween, keyedRandom, type Random } from '../prng';
import type { OrgUnitRecord } from './org-tree-unit';
import { CITY, DISTRICTS, type DistrictSource, type RegionKind, type StreetRow } from './streets';

export type { OrgUnitRecord } from './org-tree-unit';

export const DEFAULT_ORG_TREE_SEED = 20261124;

const REGION: Record<StreetRow[3], RegionKind> = { c: 'central', f: 'fringe', s: 'suburb' };

/**
 * The reference areas the first small tree shipped with. Other engineers' tests use these codes
 * and figures, so they are pinned verbatim (committee 001/002 of their streets).
 */
const PINNED_AREAS: readonly OrgUnitRecord[] = [
  {
    code: '310101002001',
    name: '第1居民委员会（合成）',
    nameEn: "Residents' committee 1 (synthetic)",
    kind: 'area',
    parent: '310101002',
    region: 'central',
    households: 2150,
    population: 5400,
    synthetic: true,
  },
  {
    code: '310101002002',
    name: '第2居民委员会（合成）',
    nameEn: "Residents' committee 2 (synthetic)",
    kind: 'area',
    parent: '310101002',
    region: 'central',
    households: 1800,
    population: 4300,
    synthetic: true,
  },
  {
    code: '310101013001',
    name: '第1居民委员会（合成）',
    nameEn: "Residents' committee 1 (synthetic)",
    kind: 'area',
    parent: '310101013',
    region: 'central',
    households: 2750,
    population: 6900,
    synthetic: true,
  },
  {
    code: '310104003001',
    name: '第1居民委员会（合成）',
    nameEn: "Residents' committee 1 (synthetic)",
    kind: 'area',
    parent: '310104003',
    region: 'central',
    households: 1600,
    population: 3900,
    synthetic: true,
  },
  {
    code: '310112101001',
    name: '第1居民委员会（合成）',
    nameEn: "Residents' committee 1 (synthetic)",
    kind: 'area',
    parent: '310112101',
    region: 'fringe',
    households: 3400,
    population: 9100,
    synthetic: true,
  },
];

// Two-character roots for synthetic committee names (居民区 / 村); 40 × 30 combinations.
const ROOT_FIRST = '新康华春金长安和福兴永明东西南北中丰瑞嘉锦龙凤梅兰竹菊桂松柳桃银翠云海江湖虹景阳';
const ROOT_SECOND = '华乐安康苑园城庭馨泰丰兴盛欣宁福和景新港桥湾林湖河花春明晖光';

export function buildOrgTree(seed = DEFAULT_ORG_TREE_SEED): OrgUnitRecord[] {
  const units: OrgUnitRecord[] = [{ code: CITY.code, name: CITY.name, nameEn: CITY.nameEn, kind: 'city', parent: null }];
  for (const district of DISTRICTS) {
    units.push({
      code: district.code,
      name: district.name,
      nameEn: district.nameEn,
      kind: 'district',
      parent: CITY.code,
      region: district.region,
    });
  }
  for (const district of DISTRICTS) {
    for (const row of district.streets) {
      const [suffix, name, nameEn, region] = row;
      units.push({ code: district.code + suffix, name, nameEn, kind: 'street', parent: district.code, region: REGION[region] });
    }
  }
  for (const district of DISTRICTS) {
    for (const row of district.streets) units.push(...buildCommittees(seed, district, row));
  }
  return units;
}

type StreetType = 'subdistrict' | 'town' | 'township';

function streetType(name: string): StreetType {
  if (name.endsWith('街道')) return 'subdistrict';
  return name.endsWith('乡') ? 'township' : 'town';
}

/** How many committees a street has: subdistricts fewer than towns, large towns many more. */
function committeeCount(random: Random, type: StreetType, region: RegionKind, size: StreetRow[4]): number {
  let [min, max] = type === 'subdistrict' ? [17, 35] : [22, 42];
  if (region === 'fringe') [min, max] = type === 'subdistrict' ? [21, 40] : [27, 55];
  if (region === 'suburb' && type !== 'subdistrict') [min, max] = [18, 40];
  if (type === 'township') [min, max] = [10, 16];
  const factor = size === 'L' ? 1.7 : size === 'S' ? 0.6 : 1;
  return Math.max(6, Math.round(intBetween(random, min, max) * factor));
}

/** Share of village committees (村委会) among a street's committees. */
function villageShare(type: StreetType, region: RegionKind): number {
  if (region === 'central') return 0;
  if (type === 'subdistrict') return region === 'fringe' ? 0.05 : 0.1;
  return region === 'fringe' ? 0.3 : 0.55;
}

/** Households per committee (QUOTA-2 needs some above 2,000); central areas are denser. */
function households(random: Random, region: RegionKind, village: boolean): number {
  if (village) return bellBetween(random, 950, 360, 250, 2600);
  if (region === 'central') return bellBetween(random, 1850, 680, 600, 4800);
  if (region === 'fringe') return bellBetween(random, 1700, 680, 500, 5000);
  return bellBetween(random, 1450, 600, 450, 4500);
}

function buildCommittees(seed: number, district: DistrictSource, row: StreetRow): OrgUnitRecord[] {
  const [suffix, streetName, , regionLetter, size] = row;
  const streetCode = district.code + suffix;
  const region = REGION[regionLetter];
  const type = streetType(streetName);
  // One stream per street keyed by its code under the bare seed text: committee codes stay stable.
  const random = keyedRandom(String(seed), streetCode);
  const count = committeeCount(random, type, region, size);
  const roots = shuffledRoots(random);
  const share = villageShare(type, region);
  const committees: OrgUnitRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const code = streetCode + String(i).padStart(3, '0');
    const village = random() < share;
    const hh = households(random, region, village);
    const population = Math.round(hh * (2.2 + random() * 0.6));
    const root = roots[(i - 1) % roots.length] + (i > roots.length ? String(i) : '');
    const pinned = PINNED_AREAS.find((area) => area.code === code);
    committees.push(
      pinned ?? {
        code,
        name: root + (village ? '村' : '居民区'),
        kind: 'area',
        parent: streetCode,
        region,
        households: hh,
        population,
        synthetic: true,
      },
    );
  }
  return committees;
}

function shuffledRoots(random: Random): string[] {
  const roots: string[] = [];
  for (const a of ROOT_FIRST) for (const b of ROOT_SECOND) if (a !== b) roots.push(a + b);
  for (let i = roots.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [roots[i], roots[j]] = [roots[j], roots[i]];
  }
  return roots;
}
