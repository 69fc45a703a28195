import type { ApplicantOutReason, ApplicantStatus, ApplicationChannel, EducationLevel } from '@cwp/contracts';
import type { Eligibility, Explanation } from '@cwp/policy';

/** The REC-4/REC-5 decision stored with the applicant: the figure and its explanation. */
export interface StoredEligibility {
  value: Eligibility;
  explanation: Explanation;
}

/**
 * An applicant (REC-4..7) as the repository returns it. The national ID and phone are stored
 * encrypted beside a display mask; `personRef` is their keyed hash for matching (one application
 * per person per campaign) and for the workforce service's hire.
 */
export interface ApplicantRow {
  id: string;
  campaignId: string;
  postId: string;
  streetCode: string;
  channel: ApplicationChannel;
  status: ApplicantStatus;
  outReason: ApplicantOutReason | null;
  name: string;
  /** Null for an applicant invited from the talent pool (known by personRef; no event carries the ID). */
  nationalIdEnc: string | null;
  nationalIdMasked: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
  personRef: string;
  birthDate: string;
  gender: 'female' | 'male' | null;
  education: EducationLevel;
  major: string | null;
  freshGraduate: boolean;
  certificates: string[];
  communityYears: number;
  talentPoolEntryId: string | null;
  eligibility: StoredEligibility;
  preferenceRank: number;
  hostStreet: string | null;
  internshipScore: number | null;
  writtenScore: number | null;
  interviewScore: number | null;
  combinedScore: number | null;
  rank: number | null;
  rankingExplanation: Explanation | null;
  objection: 'open' | 'rejected' | 'upheld' | null;
  appointedOn: string | null;
  registeredOn: string;
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewApplicantRow = Omit<
  ApplicantRow,
  | 'createdAt'
  | 'updatedAt'
  | 'hostStreet'
  | 'internshipScore'
  | 'writtenScore'
  | 'interviewScore'
  | 'combinedScore'
  | 'rank'
  | 'rankingExplanation'
  | 'objection'
  | 'appointedOn'
  | 'outReason'
>;

/** Column list selecting a row into ApplicantRow's names (numerics as numbers, dates as text). */
export const APPLICANT_COLUMNS = `
  a.id, a.campaign_id AS "campaignId", a.post_id AS "postId", a.street_code AS "streetCode", a.channel, a.status,
  a.out_reason AS "outReason", a.name, a.national_id_enc AS "nationalIdEnc", a.national_id_masked AS "nationalIdMasked",
  a.phone_enc AS "phoneEnc", a.phone_masked AS "phoneMasked", a.person_ref AS "personRef",
  to_char(a.birth_date, 'YYYY-MM-DD') AS "birthDate", a.gender, a.education, a.major, a.fresh_graduate AS "freshGraduate",
  a.certificates, a.community_years AS "communityYears", a.talent_pool_entry_id AS "talentPoolEntryId", a.eligibility,
  a.preference_rank AS "preferenceRank", a.host_street AS "hostStreet",
  a.internship_score::float8 AS "internshipScore", a.written_score::float8 AS "writtenScore",
  a.interview_score::float8 AS "interviewScore", a.combined_score::float8 AS "combinedScore", a.rank,
  a.ranking_explanation AS "rankingExplanation", a.objection, to_char(a.appointed_on, 'YYYY-MM-DD') AS "appointedOn",
  to_char(a.registered_on, 'YYYY-MM-DD') AS "registeredOn", a.created_by AS "createdBy", a.version,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
