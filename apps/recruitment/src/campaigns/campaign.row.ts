import type { CampaignPhase, PostCategory, SpecialistQualification } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

/** A campaign (REC-1, REC-2) as the repository returns it (dates as YYYY-MM-DD strings). */
export interface CampaignRow {
  id: string;
  districtCode: string;
  year: number;
  round: number;
  phase: CampaignPhase;
  policyVersion: string;
  /** REC-2: the rounds a year of the version in force, and the round asked for. */
  roundsExplanation: Explanation;
  registrationOpensOn: string;
  registrationClosesOn: string;
  internshipStartsOn: string;
  internshipEndsOn: string;
  writtenExamOn: string;
  interviewOn: string;
  publicityDays: number;
  workflowStartedAt: Date | null;
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCampaignRow = Omit<CampaignRow, 'createdAt' | 'updatedAt'>;

/** A post line of the plan: `count` posts of a category in a street (REC-3, REC-5). */
export interface CampaignPostRow {
  id: string;
  campaignId: string;
  streetCode: string;
  postCategory: PostCategory;
  count: number;
  requiredQualification: SpecialistQualification | null;
  /** REC-3: added by the street within its autonomy. */
  streetSelected: boolean;
}

export const CAMPAIGN_COLUMNS = `
  c.id, c.district_code AS "districtCode", c.year, c.round, c.phase, c.policy_version AS "policyVersion",
  c.rounds_explanation AS "roundsExplanation",
  to_char(c.registration_opens_on, 'YYYY-MM-DD') AS "registrationOpensOn", to_char(c.registration_closes_on, 'YYYY-MM-DD') AS "registrationClosesOn",
  to_char(c.internship_starts_on, 'YYYY-MM-DD') AS "internshipStartsOn", to_char(c.internship_ends_on, 'YYYY-MM-DD') AS "internshipEndsOn",
  to_char(c.written_exam_on, 'YYYY-MM-DD') AS "writtenExamOn", to_char(c.interview_on, 'YYYY-MM-DD') AS "interviewOn",
  c.publicity_days AS "publicityDays", c.workflow_started_at AS "workflowStartedAt", c.created_by AS "createdBy", c.version,
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export const POST_COLUMNS = `
  p.id, p.campaign_id AS "campaignId", p.street_code AS "streetCode", p.post_category AS "postCategory", p.count,
  p.required_qualification AS "requiredQualification", p.street_selected AS "streetSelected"`;
