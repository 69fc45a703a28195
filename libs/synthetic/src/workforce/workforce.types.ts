/**
 * A synthetic community worker as the generator emits it. Field vocabularies follow POLICY.md and
 * match @cwp/contracts' worker events where those exist (entry route, post category, post role).
 * No national ID number and no phone number: the generator never produces any (see ARCHITECTURE).
 */
import type { EducationLevel } from '@cwp/contracts';
import type { RegionKind } from '../org-tree/org-tree-unit';
import type { StreetCentre } from './seed-quota';

/** ORG-3. */
export type EntryRoute = 'elected' | 'recruited';
/** POST-1: 三岗 (head 负责人, manager 主管, staff 工作人员), each with levels 1–18. */
export type PostCategory = 'head' | 'manager' | 'staff';
/** POST-2 refinements (manager → business/administrative; staff → specialist, supervisor). */
export type PostRole = 'business-manager' | 'administrative-manager' | 'specialist' | 'supervisor';
/** PROM-1: the internal role ladder staff → specialist → supervisor → manager → head. */
export type WorkerRole = 'staff' | 'specialist' | 'supervisor' | 'manager' | 'head';
/** POST-3: junior/intermediate/senior community worker (初级/中级/高级社区工作者), or none yet. */
export type Title = 'junior' | 'intermediate' | 'senior' | 'none';
/** REC-4: junior college (大专) or above is the entry threshold; older workers may have less (the shared codes). */
export type Education = EducationLevel;
export type WorkerStatus = 'on-duty' | 'leave';
export type Gender = 'female' | 'male';

/**
 * Certificates: the national social-worker qualification at three levels (助理社会工作师,
 * 社会工作师, 高级社会工作师; REC-4 asks society applicants for at least the junior one), the
 * psychological counsellor (TRAIN-8), and the specialist-post qualifications of POST-4/REC-5.
 */
export type CertificateType =
  | 'social-worker-junior'
  | 'social-worker-intermediate'
  | 'social-worker-senior'
  | 'psychological-counsellor'
  | 'fire-safety'
  | 'work-safety-inspection';

export interface Certificate {
  type: CertificateType;
  obtainedOn: string;
}

export interface SyntheticWorker {
  /** UUID-shaped (v4 layout), built from seed, unit and slot: unique by construction (synthetic-worker-id.ts). */
  id: string;
  /** `<unit code>-<slot>`: readable and unique within a generated set. */
  employeeNo: string;
  name: string;
  gender: Gender;
  birthDate: string;
  /** Residential area (12 digits) or, for the six centres (QUOTA-3), the street (9 digits). */
  unitCode: string;
  streetCode: string;
  districtCode: string;
  region: RegionKind;
  placement: 'area' | 'street-centre';
  centre: StreetCentre | null;
  entryRoute: EntryRoute;
  postCategory: PostCategory;
  /** POST-1 level, 1..18. */
  postLevel: number;
  postRole: PostRole | null;
  role: WorkerRole;
  title: Title;
  education: Education;
  /** Field of study (REC-4 lists the preferred ones); null without higher education. */
  major: string | null;
  hireDate: string;
  certificates: Certificate[];
  status: WorkerStatus;
  synthetic: true;
}

export const PREFERRED_MAJORS = ['sociology', 'social-work', 'social-security', 'public-administration', 'public-safety', 'law'] as const;
export const OTHER_MAJORS = [
  'business-administration',
  'accounting',
  'economics',
  'computer-science',
  'chinese-language',
  'education',
  'psychology',
  'english',
  'nursing',
  'marketing',
  'journalism',
  'tourism-management',
] as const;
