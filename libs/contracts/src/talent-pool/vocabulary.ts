/**
 * The closed vocabularies of a talent-pool entry (POOL-1, REC-4). Codes, not prose, so events and
 * statistics never carry free text (free text is where personal data leaks in). Education levels
 * are shared with every service: ../shared/vocabulary.ts.
 */

/** POOL-1: where a reserve candidate comes from. */
export const POOL_SOURCES = ['student', 'social-worker', 'homemaker', 'other'] as const;
export type PoolSource = (typeof POOL_SOURCES)[number];

/**
 * REC-4 / POOL-1: the preferred majors. A `student` entry must study one of these; other sources
 * may record any major code below (or none).
 */
export const POOL_PREFERRED_MAJORS = [
  'sociology',
  'social-work',
  'social-security',
  'public-administration',
  'public-safety',
  'law',
] as const;
export type PoolPreferredMajor = (typeof POOL_PREFERRED_MAJORS)[number];

/** Majors an entry may record: the preferred ones plus `other` (any other subject). */
export const POOL_MAJORS = [...POOL_PREFERRED_MAJORS, 'other'] as const;
export type PoolMajor = (typeof POOL_MAJORS)[number];

/**
 * Certificates an entry may list. The three social-worker titles are what POOL-1 calls "a
 * social-worker qualification" (助理社会工作师 = the junior certificate of REC-4, 社会工作师,
 * 高级社会工作师); REC-5 specialist qualifications follow.
 */
export const SOCIAL_WORKER_QUALIFICATIONS = ['assistant-social-worker', 'social-worker', 'senior-social-worker'] as const;
export const POOL_CERTIFICATES = [
  ...SOCIAL_WORKER_QUALIFICATIONS,
  'psychological-counsellor',
  'fire-safety',
  'work-safety-inspection',
] as const;
export type PoolCertificate = (typeof POOL_CERTIFICATES)[number];

/** Life cycle of an entry. Only `active` entries hold personal data. */
export const ENTRY_STATUSES = ['active', 'joined', 'withdrawn', 'expired'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Why an entry was withdrawn before its period ended. A code, never free text. */
export const WITHDRAW_REASONS = ['candidate-request', 'no-longer-eligible', 'duplicate', 'other'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/** How the pool learned that a candidate joined the workforce (POOL-3). */
export const JOIN_ROUTES = ['api', 'worker-hired-event'] as const;
export type JoinRoute = (typeof JOIN_ROUTES)[number];
