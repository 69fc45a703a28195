/**
 * Events of the recruitment service. Campaign events go on `cwp.recruitment.campaigns` keyed by
 * campaign id; applicant events on `cwp.recruitment.applicants` keyed by applicant id. Ids, codes,
 * dates and figures: never a national ID or phone number (every schema is closed). The one
 * exception is `applicant.appointed`, which names the appointed person (name, birth date,
 * education): the appointment is public (REC-7 publicity lists it) and the workforce service needs
 * them to create the worker; the person is matched by `personRef`, never by the ID number.
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';
import { EDUCATION_LEVELS, type EducationLevel } from '../shared/vocabulary';
import { POST_CATEGORIES, type PostCategory } from '../workforce/worker-hired';
import { RECRUITMENT_APPLICANTS_TOPIC, RECRUITMENT_CAMPAIGNS_TOPIC, RECRUITMENT_EVENT_TYPES as T } from './names';
import {
  APPLICATION_CHANNELS,
  APPLICANT_STATUSES,
  CAMPAIGN_PHASES,
  CANCEL_REASONS,
  CANCEL_STEPS,
  SPECIALIST_QUALIFICATIONS,
  type ApplicantStatus,
  type ApplicationChannel,
  type CampaignPhase,
  type CancelReason,
  type CancelStep,
  type SpecialistQualification,
} from './vocabulary';

export interface CampaignPostData {
  postId: string;
  streetCode: string;
  postCategory: PostCategory;
  count: number;
  /** REC-5: a specialist post admits only holders of this qualification. */
  requiredQualification: SpecialistQualification | null;
}

/** REC-1/REC-2: a district opened a recruitment round. */
export interface CampaignOpenedData {
  campaignId: string;
  districtCode: string;
  year: number;
  round: number;
  policyVersion: string;
  registrationOpensOn: string;
  registrationClosesOn: string;
  publicityDays: number;
  posts: CampaignPostData[];
}

export interface CampaignPhaseChangedData {
  campaignId: string;
  districtCode: string;
  phase: CampaignPhase;
  previousPhase: CampaignPhase;
  changedAt: string;
}

/** An application was recorded, with its REC-4/REC-5 eligibility outcome (codes only). */
export interface ApplicantRegisteredData {
  applicantId: string;
  campaignId: string;
  postId: string;
  streetCode: string;
  channel: ApplicationChannel;
  eligible: boolean;
  hardFailures: string[];
  education: EducationLevel;
  registeredOn: string;
}

/** REC-1/REC-7: appointed after publicity with no standing objection; the workforce service hires. */
export interface ApplicantAppointedData {
  applicantId: string;
  campaignId: string;
  postId: string;
  /** The employing street. */
  unitCode: string;
  postCategory: PostCategory;
  /** Keyed hash of the national ID (see worker-hired.ts). */
  personRef: string;
  name: string;
  birthDate: string;
  gender: 'female' | 'male' | null;
  education: EducationLevel;
  major: string | null;
  talentPoolEntryId: string | null;
  rank: number;
  combinedScore: number;
  appointedOn: string;
}

/** The cancellation saga ended: what it undid (ids and counts), the posts it gave back per street. */
export interface CampaignCancelledData {
  campaignId: string;
  districtCode: string;
  reason: CancelReason;
  /** The phase the campaign was in when the cancel came. */
  previousPhase: CampaignPhase;
  undone: CancelStep[];
  releasedPosts: Array<{ postId: string; streetCode: string; count: number }>;
  applicantsReleased: number;
  internsReleased: number;
  cancelledAt: string;
}

/** An applicant is told the campaign was cancelled: out, with the reason (and back to the pool if invited from it). */
export interface ApplicantReleasedData {
  applicantId: string;
  campaignId: string;
  postId: string;
  streetCode: string;
  reason: 'campaign-cancelled';
  previousStatus: ApplicantStatus;
  talentPoolEntryId: string | null;
  releasedOn: string;
}

const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';
const uuid = { type: 'string', format: 'uuid' } as const;
const district = { type: 'string', pattern: '^31[0-9]{4}$' } as const;
const street = { type: 'string', pattern: '^31[0-9]{7}$' } as const;
const date = { type: 'string', format: 'date' } as const;
const phase = { enum: [...CAMPAIGN_PHASES] } as const;

export const campaignOpenedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: eventSchemaId(T.campaignOpened),
  title: 'A district opened a recruitment campaign (REC-1, REC-2)',
  type: 'object',
  additionalProperties: false,
  required: [
    'campaignId',
    'districtCode',
    'year',
    'round',
    'policyVersion',
    'registrationOpensOn',
    'registrationClosesOn',
    'publicityDays',
    'posts',
  ],
  properties: {
    campaignId: uuid,
    districtCode: district,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    round: { type: 'integer', minimum: 1, maximum: 12 },
    policyVersion: { type: 'string', minLength: 1, maxLength: 64 },
    registrationOpensOn: date,
    registrationClosesOn: date,
    publicityDays: { type: 'integer', minimum: 1, maximum: 60 },
    posts: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['postId', 'streetCode', 'postCategory', 'count', 'requiredQualification'],
        properties: {
          postId: uuid,
          streetCode: street,
          postCategory: { enum: [...POST_CATEGORIES] },
          count: { type: 'integer', minimum: 1, maximum: 1000 },
          requiredQualification: { enum: [...SPECIALIST_QUALIFICATIONS, null] },
        },
      },
    },
  },
} as const;

export const campaignPhaseChangedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: eventSchemaId(T.campaignPhaseChanged),
  title: 'A recruitment campaign moved to its next phase',
  type: 'object',
  additionalProperties: false,
  required: ['campaignId', 'districtCode', 'phase', 'previousPhase', 'changedAt'],
  properties: { campaignId: uuid, districtCode: district, phase, previousPhase: phase, changedAt: { type: 'string', format: 'date-time' } },
} as const;

export const applicantRegisteredSchema = {
  $schema: SCHEMA_DIALECT,
  $id: eventSchemaId(T.applicantRegistered),
  title: 'An application to a recruitment campaign was recorded, with its eligibility (REC-4, REC-5)',
  type: 'object',
  additionalProperties: false,
  required: ['applicantId', 'campaignId', 'postId', 'streetCode', 'channel', 'eligible', 'hardFailures', 'education', 'registeredOn'],
  properties: {
    applicantId: uuid,
    campaignId: uuid,
    postId: uuid,
    streetCode: street,
    channel: { enum: [...APPLICATION_CHANNELS] },
    eligible: { type: 'boolean' },
    hardFailures: {
      type: 'array',
      maxItems: 5,
      uniqueItems: true,
      items: { enum: ['education-floor', 'non-graduate-certificate', 'specialist-qualification'] },
    },
    education: { enum: [...EDUCATION_LEVELS] },
    registeredOn: date,
  },
} as const;

export const applicantAppointedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: eventSchemaId(T.applicantAppointed),
  title: 'An applicant was appointed after publicity (REC-1, REC-7)',
  type: 'object',
  additionalProperties: false,
  required: [
    'applicantId',
    'campaignId',
    'postId',
    'unitCode',
    'postCategory',
    'personRef',
    'name',
    'birthDate',
    'gender',
    'education',
    'major',
    'talentPoolEntryId',
    'rank',
    'combinedScore',
    'appointedOn',
  ],
  properties: {
    applicantId: uuid,
    campaignId: uuid,
    postId: uuid,
    unitCode: street,
    postCategory: { enum: [...POST_CATEGORIES] },
    personRef: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    name: { type: 'string', minLength: 1, maxLength: 60 },
    birthDate: date,
    gender: { enum: ['female', 'male', null] },
    education: { enum: [...EDUCATION_LEVELS] },
    major: { type: ['string', 'null'], pattern: '^[a-z]+(-[a-z]+)*$' },
    talentPoolEntryId: { oneOf: [uuid, { type: 'null' }] },
    rank: { type: 'integer', minimum: 1 },
    combinedScore: { type: 'number', minimum: 0, maximum: 100 },
    appointedOn: date,
  },
} as const;

export const campaignCancelledSchema = {
  $schema: SCHEMA_DIALECT,
  $id: eventSchemaId(T.campaignCancelled),
  title: 'A recruitment campaign was cancelled; the saga undid what was done (issue 10)',
  type: 'object',
  additionalProperties: false,
  required: [
    'campaignId',
    'districtCode',
    'reason',
    'previousPhase',
    'undone',
    'releasedPosts',
    'applicantsReleased',
    'internsReleased',
    'cancelledAt',
  ],
  properties: {
    campaignId: uuid,
    districtCode: district,
    reason: { enum: [...CANCEL_REASONS] },
    previousPhase: phase,
    undone: { type: 'array', maxItems: CANCEL_STEPS.length, uniqueItems: true, items: { enum: [...CANCEL_STEPS] } },
    releasedPosts: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['postId', 'streetCode', 'count'],
        properties: { postId: uuid, streetCode: street, count: { type: 'integer', minimum: 1, maximum: 1000 } },
      },
    },
    applicantsReleased: { type: 'integer', minimum: 0 },
    internsReleased: { type: 'integer', minimum: 0 },
    cancelledAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const applicantReleasedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: eventSchemaId(T.applicantReleased),
  title: 'An applicant was released because the campaign was cancelled',
  type: 'object',
  additionalProperties: false,
  required: ['applicantId', 'campaignId', 'postId', 'streetCode', 'reason', 'previousStatus', 'talentPoolEntryId', 'releasedOn'],
  properties: {
    applicantId: uuid,
    campaignId: uuid,
    postId: uuid,
    streetCode: street,
    reason: { enum: ['campaign-cancelled'] },
    previousStatus: { enum: [...APPLICANT_STATUSES] },
    talentPoolEntryId: { oneOf: [uuid, { type: 'null' }] },
    releasedOn: date,
  },
} as const;

export const campaignOpenedContract = defineEventContract<CampaignOpenedData>({
  type: T.campaignOpened,
  topic: RECRUITMENT_CAMPAIGNS_TOPIC,
  schema: campaignOpenedSchema,
});
export const campaignPhaseChangedContract = defineEventContract<CampaignPhaseChangedData>({
  type: T.campaignPhaseChanged,
  topic: RECRUITMENT_CAMPAIGNS_TOPIC,
  schema: campaignPhaseChangedSchema,
});
export const applicantRegisteredContract = defineEventContract<ApplicantRegisteredData>({
  type: T.applicantRegistered,
  topic: RECRUITMENT_APPLICANTS_TOPIC,
  schema: applicantRegisteredSchema,
});
export const applicantAppointedContract = defineEventContract<ApplicantAppointedData>({
  type: T.applicantAppointed,
  topic: RECRUITMENT_APPLICANTS_TOPIC,
  schema: applicantAppointedSchema,
});

export const campaignCancelledContract = defineEventContract<CampaignCancelledData>({
  type: T.campaignCancelled,
  topic: RECRUITMENT_CAMPAIGNS_TOPIC,
  schema: campaignCancelledSchema,
});
export const applicantReleasedContract = defineEventContract<ApplicantReleasedData>({
  type: T.applicantReleased,
  topic: RECRUITMENT_APPLICANTS_TOPIC,
  schema: applicantReleasedSchema,
});

export const recruitmentEventContracts: readonly EventContract[] = [
  campaignOpenedContract,
  campaignPhaseChangedContract,
  applicantRegisteredContract,
  applicantAppointedContract,
  campaignCancelledContract,
  applicantReleasedContract,
];
