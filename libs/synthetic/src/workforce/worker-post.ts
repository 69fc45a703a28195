/**
 * Which post a slot in a unit holds. Slot 0 of an area is its head (负责人), slots 1–2 its two
 * managers (POST-2: business and administrative), the rest staff-category posts; the six centres
 * of a street (QUOTA-3) each get a head and one or two managers. Slots past the quota (borrowed
 * floating quota, QUOTA-4, or a scaled-up benchmark set) are staff posts.
 */
import { weighted, type Random } from '../prng';
import { CENTRE_SLOTS, STREET_CENTRES, STREET_CENTRES_QUOTA, type StreetCentre } from './seed-quota';
import type { StaffingUnit } from './workforce.allocation';
import type { EntryRoute, PostCategory, PostRole, Title, WorkerRole } from './workforce.types';

export interface PostAssignment {
  role: WorkerRole;
  postCategory: PostCategory;
  postRole: PostRole | null;
  centre: StreetCentre | null;
}

export function postForSlot(unit: StaffingUnit, slot: number, random: Random): PostAssignment {
  if (unit.placement === 'area') return { ...postByRank(slot, true, random), centre: null };
  const { centre, indexInCentre } = CENTRE_SLOTS[slot % STREET_CENTRES_QUOTA];
  const rank = indexInCentre + Math.floor(slot / STREET_CENTRES_QUOTA) * STREET_CENTRES[centre];
  return { ...postByRank(rank, STREET_CENTRES[centre] >= 15, random), centre };
}

function postByRank(rank: number, twoManagers: boolean, random: Random): Omit<PostAssignment, 'centre'> {
  if (rank === 0) return { role: 'head', postCategory: 'head', postRole: null };
  if (rank === 1) return { role: 'manager', postCategory: 'manager', postRole: 'business-manager' };
  if (rank === 2 && twoManagers) return { role: 'manager', postCategory: 'manager', postRole: 'administrative-manager' };
  const r = random();
  if (r < 0.14) return { role: 'specialist', postCategory: 'staff', postRole: 'specialist' };
  if (r < 0.22) return { role: 'supervisor', postCategory: 'staff', postRole: 'supervisor' };
  return { role: 'staff', postCategory: 'staff', postRole: null };
}

/**
 * ORG-3: residents' committee members are elected, so an area's head and managers are mostly
 * elected and its staff mostly recruited; the street centres recruit only.
 */
export function entryRouteFor(post: PostAssignment, placement: StaffingUnit['placement'], random: Random): EntryRoute {
  if (placement === 'street-centre') return 'recruited';
  const elected = post.role === 'head' ? 0.75 : post.role === 'manager' ? 0.55 : 0.3;
  return random() < elected ? 'elected' : 'recruited';
}

/**
 * POST-3 titles by role, weighted so the whole workforce lands near PROM-3's junior :
 * intermediate : senior ≈ 4 : 4 : 2 among titled workers; heads hold more senior titles.
 */
const TITLE_WEIGHTS: Readonly<Record<WorkerRole, Readonly<Record<Title, number>>>> = {
  head: { none: 12, junior: 14, intermediate: 42, senior: 32 },
  manager: { none: 22, junior: 26, intermediate: 34, senior: 18 },
  supervisor: { none: 15, junior: 25, intermediate: 42, senior: 18 },
  specialist: { none: 28, junior: 36, intermediate: 27, senior: 9 },
  staff: { none: 40, junior: 33, intermediate: 20, senior: 7 },
};

export function titleFor(role: WorkerRole, random: Random): Title {
  return weighted(random, TITLE_WEIGHTS[role]);
}
