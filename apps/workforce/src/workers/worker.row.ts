import type { EntryRoute, PostCategory, PostRole, EducationLevel, WorkerRole, WorkerStatus, WorkerTitle } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

/** One `workers` row as the repository returns it (dates as YYYY-MM-DD strings). */
export interface WorkerRow {
  id: string;
  unitCode: string;
  status: WorkerStatus;
  entryRoute: EntryRoute;
  postCategory: PostCategory;
  postLevel: number;
  postRole: PostRole | null;
  title: WorkerTitle | null;
  role: WorkerRole;
  name: string;
  gender: 'female' | 'male' | null;
  birthDate: string;
  education: EducationLevel;
  major: string | null;
  hiredOn: string;
  exitedOn: string | null;
  /** A WorkerExitCause for exits through the API; rows loaded otherwise may hold other codes. */
  exitCause: string | null;
  exitExplanation: Explanation | null;
  nationalIdEnc: string | null;
  nationalIdMasked: string | null;
  personRef: string | null;
  talentPoolEntryId: string | null;
  campaignId: string | null;
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Column list selecting a row into WorkerRow's camelCase names (dates as text: no time-zone shift). */
export const WORKER_COLUMNS = `
  w.id, w.unit_code AS "unitCode", w.status, w.entry_route AS "entryRoute", w.post_category AS "postCategory",
  w.post_level AS "postLevel", w.post_role AS "postRole", w.title, w.role, w.name, w.gender,
  to_char(w.birth_date, 'YYYY-MM-DD') AS "birthDate", w.education, w.major,
  to_char(w.hired_on, 'YYYY-MM-DD') AS "hiredOn", to_char(w.exited_on, 'YYYY-MM-DD') AS "exitedOn",
  w.exit_cause AS "exitCause", w.exit_explanation AS "exitExplanation",
  w.national_id_enc AS "nationalIdEnc", w.national_id_masked AS "nationalIdMasked", w.person_ref AS "personRef",
  w.talent_pool_entry_id AS "talentPoolEntryId", w.campaign_id AS "campaignId", w.created_by AS "createdBy",
  w.version, w.created_at AS "createdAt", w.updated_at AS "updatedAt"`;

/** History kinds (worker_history.kind): what QUOTA-6 turnover and on-duty figures count. */
export type WorkerHistoryKind = 'hired' | 'changed' | 'promoted' | 'leave' | 'returned' | 'transferred' | 'exited';

export interface WorkerHistoryEntry {
  workerId: string;
  kind: WorkerHistoryKind;
  unitCode: string;
  fromUnitCode?: string;
  occurredOn: string;
  /** Business facts only (codes, levels, dates): never personal data. */
  details?: Record<string, unknown>;
  recordedBy: string;
}

/** The columns a hire inserts (snake_case, as stored); the rest take their defaults. */
export interface NewWorker {
  id: string;
  unit_code: string;
  status: WorkerStatus;
  entry_route: EntryRoute;
  post_category: PostCategory;
  post_level: number;
  post_role: PostRole | null;
  title: WorkerTitle | null;
  role: WorkerRole;
  name: string;
  gender: 'female' | 'male' | null;
  birth_date: string;
  education: EducationLevel;
  major: string | null;
  hired_on: string;
  national_id_enc: string | null;
  national_id_masked: string | null;
  person_ref: string | null;
  talent_pool_entry_id: string | null;
  campaign_id: string | null;
  created_by: string;
}

/** NewWorker's columns in insert order (one list, so the INSERT and the type cannot drift apart). */
export const NEW_WORKER_COLUMNS = [
  'id',
  'unit_code',
  'status',
  'entry_route',
  'post_category',
  'post_level',
  'post_role',
  'title',
  'role',
  'name',
  'gender',
  'birth_date',
  'education',
  'major',
  'hired_on',
  'national_id_enc',
  'national_id_masked',
  'person_ref',
  'talent_pool_entry_id',
  'campaign_id',
  'created_by',
] as const satisfies ReadonlyArray<keyof NewWorker>;
