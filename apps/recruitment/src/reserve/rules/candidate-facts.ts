import type { PoolCertificate, RecruitmentCertificate } from '@cwp/contracts';
import type { ReserveEntryRow } from '../reserve-entry.row';

/**
 * The pool names the social-worker ladder by title (助理社会工作师 / 社会工作师 / 高级社会工作师, POOL-1);
 * recruitment and @cwp/policy by level (REC-4's junior certificate is the assistant title). The
 * REC-5 specialist qualifications have the same codes on both sides.
 */
const RECRUITMENT_CERTIFICATE: Readonly<Record<PoolCertificate, RecruitmentCertificate>> = {
  'assistant-social-worker': 'junior-social-worker',
  'social-worker': 'intermediate-social-worker',
  'senior-social-worker': 'senior-social-worker',
  'psychological-counsellor': 'psychological-counsellor',
  'fire-safety': 'fire-safety',
  'work-safety-inspection': 'work-safety-inspection',
};

/** What REC-4/REC-5 eligibility decides on, as the pool's candidate event stated it. */
export interface CandidateFacts {
  birthDate: string;
  gender: 'female' | 'male' | null;
  education: ReserveEntryRow['education'];
  major: string | null;
  /** REC-4: a POOL-1 `student` comes as a fresh graduate; every other source applies from society. */
  freshGraduate: boolean;
  certificates: RecruitmentCertificate[];
}

/** An active entry's facts for an application (its birth date is there while it is active). */
export function candidateFacts(entry: ReserveEntryRow & { birthDate: string }): CandidateFacts {
  return {
    birthDate: entry.birthDate,
    gender: entry.gender,
    education: entry.education,
    major: entry.major,
    freshGraduate: entry.source === 'student',
    certificates: entry.certificates.map((c) => RECRUITMENT_CERTIFICATE[c]).sort(),
  };
}
