/**
 * Events of topic `cwp.workforce.quotas` (QUOTA-1..5), keyed by org unit code (the street for
 * floating-quota movements, the year for review events). Ids and figures only; closed schemas.
 */
import { defineEventContract, type EventContract } from '../cloudevent';
import { WORKFORCE_QUOTAS_TOPIC, WORKFORCE_QUOTA_EVENT_TYPES as T } from './names';

export const QUOTA_KINDS = ['area', 'centre', 'floating'] as const;
/** area: a residential area's quota (QUOTA-1/2); centre: a street's six centres (QUOTA-3); floating: a street's floating pool (QUOTA-4). */
export type QuotaKind = (typeof QUOTA_KINDS)[number];

const UNIT_CODE = { type: 'string', pattern: '^31([0-9]{4}|[0-9]{7}|[0-9]{10})?$' } as const;
const DISTRICT_CODE = { type: 'string', pattern: '^31[0-9]{4}$' } as const;
const STREET_CODE = { type: 'string', pattern: '^31[0-9]{7}$' } as const;
const AREA_CODE = { type: 'string', pattern: '^31[0-9]{10}$' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const YEAR = { type: 'integer', minimum: 2000, maximum: 2200 } as const;

export interface QuotaChangedData {
  unitCode: string;
  kind: QuotaKind;
  districtCode: string;
  previousQuota: number;
  quota: number;
  /** Why: the yearly review (QUOTA-5), approved by the district or standing after its deadline. */
  reason: 'review-approved' | 'review-lapsed-approved';
  reviewYear: number;
  effectiveFrom: string;
  policyVersion: string;
  /** Rule IDs of the explanation (the full explanation is on GET /units/:code/quota). */
  rules: string[];
}

export const quotaChangedContract = defineEventContract<QuotaChangedData>({
  type: T.changed,
  topic: WORKFORCE_QUOTAS_TOPIC,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'A unit quota changed (QUOTA-5 review)',
    type: 'object',
    additionalProperties: false,
    required: [
      'unitCode',
      'kind',
      'districtCode',
      'previousQuota',
      'quota',
      'reason',
      'reviewYear',
      'effectiveFrom',
      'policyVersion',
      'rules',
    ],
    properties: {
      unitCode: UNIT_CODE,
      kind: { enum: [...QUOTA_KINDS] },
      districtCode: DISTRICT_CODE,
      previousQuota: COUNT,
      quota: COUNT,
      reason: { enum: ['review-approved', 'review-lapsed-approved'] },
      reviewYear: YEAR,
      effectiveFrom: { type: 'string', format: 'date' },
      policyVersion: { type: 'string', minLength: 1, maxLength: 64 },
      rules: { type: 'array', items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' } },
    },
  },
});

export interface FloatingQuotaMovedData {
  loanId: string;
  streetCode: string;
  areaCode: string;
  amount: number;
  /** The street's floating quota (QUOTA-4) and what is lent out after this movement. */
  held: number;
  lent: number;
  available: number;
  on: string;
}

const floatingMovedSchema = (title: string) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title,
  type: 'object',
  additionalProperties: false,
  required: ['loanId', 'streetCode', 'areaCode', 'amount', 'held', 'lent', 'available', 'on'],
  properties: {
    loanId: { type: 'string', format: 'uuid' },
    streetCode: STREET_CODE,
    areaCode: AREA_CODE,
    amount: { type: 'integer', minimum: 1 },
    held: COUNT,
    lent: COUNT,
    available: COUNT,
    on: { type: 'string', format: 'date' },
  },
});

export const floatingQuotaLentContract = defineEventContract<FloatingQuotaMovedData>({
  type: T.floatingLent,
  topic: WORKFORCE_QUOTAS_TOPIC,
  schema: floatingMovedSchema('A street lent floating quota to one of its areas (QUOTA-4)'),
});

export const floatingQuotaReturnedContract = defineEventContract<FloatingQuotaMovedData>({
  type: T.floatingReturned,
  topic: WORKFORCE_QUOTAS_TOPIC,
  schema: floatingMovedSchema('An area returned floating quota to its street (QUOTA-4)'),
});

export interface QuotaReviewOpenedData {
  year: number;
  policyVersion: string;
  decisionDays: number;
}

export const quotaReviewOpenedContract = defineEventContract<QuotaReviewOpenedData>({
  type: T.reviewOpened,
  topic: WORKFORCE_QUOTAS_TOPIC,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'The yearly quota review opened (QUOTA-5)',
    type: 'object',
    additionalProperties: false,
    required: ['year', 'policyVersion', 'decisionDays'],
    properties: {
      year: YEAR,
      policyVersion: { type: 'string', minLength: 1, maxLength: 64 },
      decisionDays: { type: 'integer', minimum: 0 },
    },
  },
});

export interface QuotaReviewClosedData {
  year: number;
  proposals: number;
  applied: number;
  rejected: number;
  districts: { approved: number; rejected: number; lapsedApproved: number; noChanges: number };
}

export const quotaReviewClosedContract = defineEventContract<QuotaReviewClosedData>({
  type: T.reviewClosed,
  topic: WORKFORCE_QUOTAS_TOPIC,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'The yearly quota review closed (QUOTA-5)',
    type: 'object',
    additionalProperties: false,
    required: ['year', 'proposals', 'applied', 'rejected', 'districts'],
    properties: {
      year: YEAR,
      proposals: COUNT,
      applied: COUNT,
      rejected: COUNT,
      districts: {
        type: 'object',
        additionalProperties: false,
        required: ['approved', 'rejected', 'lapsedApproved', 'noChanges'],
        properties: { approved: COUNT, rejected: COUNT, lapsedApproved: COUNT, noChanges: COUNT },
      },
    },
  },
});

/** Every quota contract the workforce service produces (PlatformOutboxModule `produces`). */
export const workforceQuotaEventContracts: readonly EventContract[] = [
  quotaChangedContract,
  floatingQuotaLentContract,
  floatingQuotaReturnedContract,
  quotaReviewOpenedContract,
  quotaReviewClosedContract,
];
