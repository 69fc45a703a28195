/**
 * Events of the training service: certificates (TRAIN-8) for the workforce and recruitment
 * services, yearly compliance findings (TRAIN-3, TRAIN-4) and development-plan milestones
 * (TRAIN-2). Every event is keyed (Kafka key and CloudEvents `subject`) by worker id. Ids, codes,
 * dates and figures only: never a name, national ID or phone number (every schema is closed).
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';
import {
  TRAINING_CADRES_TOPIC,
  TRAINING_CERTIFICATES_TOPIC,
  TRAINING_COMPLIANCE_TOPIC,
  TRAINING_EVENT_TYPES,
  TRAINING_PLANS_TOPIC,
} from './names';
import {
  CADRE_CHANGES,
  CADRE_TARGET_ROLES,
  CERTIFICATE_KINDS,
  PLAN_MILESTONES,
  type CadreChange,
  type CadreTargetRole,
  type CertificateKind,
  type PlanMilestone,
} from './vocabulary';

/** TRAIN-8: a worker passed an exam; the certificate is on record. */
export interface CertificateRecordedData {
  certificateId: string;
  workerId: string;
  unitCode: string;
  kind: CertificateKind;
  passedOn: string;
}

/** TRAIN-3 / TRAIN-4 (TRAIN-2 overdue four ones): the worker falls short for the year. */
export interface ComplianceShortfallData {
  workerId: string;
  unitCode: string;
  year: number;
  hours: number;
  requiredHours: number;
  offJobMet: boolean;
  /** Rule IDs not met, e.g. ["TRAIN-3"]. */
  rules: string[];
  policyVersion: string;
}

/** A worker flagged short for the year now meets every rule (late hours were recorded). */
export interface ComplianceClearedData {
  workerId: string;
  unitCode: string;
  year: number;
  hours: number;
  requiredHours: number;
  policyVersion: string;
}

/** TRAIN-2: the qualified check at 3 years or the maturity milestone at 7. */
export interface PlanMilestoneData {
  workerId: string;
  unitCode: string;
  milestone: PlanMilestone;
  on: string;
  met: boolean;
  /** Four ones missing at the qualified check (empty when met). */
  missing: string[];
  rules: string[];
}

/** REC-8: a reserve cadre was nominated, confirmed or declined, kept or removed at the yearly review. */
export interface ReserveCadreChangedData {
  cadreId: string;
  workerId: string;
  unitCode: string;
  targetRole: CadreTargetRole;
  change: CadreChange;
  on: string;
  /** For a review: the year reviewed. */
  year: number | null;
  rules: string[];
}

const workerId = { type: 'string', minLength: 1, maxLength: 64 } as const;
const unitCode = { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' } as const;
const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const hours = { type: 'number', minimum: 0, maximum: 5000 } as const;
const date = { type: 'string', format: 'date' } as const;
const rules = { type: 'array', maxItems: 10, uniqueItems: true, items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' } } as const;
const policyVersion = { type: 'string', minLength: 1, maxLength: 64 } as const;

const schema = (type: string, title: string, properties: Record<string, unknown>) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: eventSchemaId(type),
  title,
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

export const certificateRecordedContract = defineEventContract<CertificateRecordedData>({
  type: TRAINING_EVENT_TYPES.certificateRecorded,
  topic: TRAINING_CERTIFICATES_TOPIC,
  schema: schema(TRAINING_EVENT_TYPES.certificateRecorded, 'A worker passed a social-work or counselling exam (TRAIN-8)', {
    certificateId: { type: 'string', format: 'uuid' },
    workerId,
    unitCode,
    kind: { enum: [...CERTIFICATE_KINDS] },
    passedOn: date,
  }),
});

export const complianceShortfallContract = defineEventContract<ComplianceShortfallData>({
  type: TRAINING_EVENT_TYPES.complianceShortfall,
  topic: TRAINING_COMPLIANCE_TOPIC,
  schema: schema(TRAINING_EVENT_TYPES.complianceShortfall, "A worker's yearly training falls short (TRAIN-3 hours, TRAIN-4 off-the-job)", {
    workerId,
    unitCode,
    year,
    hours,
    requiredHours: hours,
    offJobMet: { type: 'boolean' },
    rules: { ...rules, minItems: 1 },
    policyVersion,
  }),
});

export const complianceClearedContract = defineEventContract<ComplianceClearedData>({
  type: TRAINING_EVENT_TYPES.complianceCleared,
  topic: TRAINING_COMPLIANCE_TOPIC,
  schema: schema(
    TRAINING_EVENT_TYPES.complianceCleared,
    'A worker flagged short for a year now meets the training rules (TRAIN-3, TRAIN-4)',
    {
      workerId,
      unitCode,
      year,
      hours,
      requiredHours: hours,
      policyVersion,
    },
  ),
});

export const planMilestoneContract = defineEventContract<PlanMilestoneData>({
  type: TRAINING_EVENT_TYPES.planMilestone,
  topic: TRAINING_PLANS_TOPIC,
  schema: schema(TRAINING_EVENT_TYPES.planMilestone, "A worker's development plan reached its 3-year or 7-year milestone (TRAIN-2)", {
    workerId,
    unitCode,
    milestone: { enum: [...PLAN_MILESTONES] },
    on: date,
    met: { type: 'boolean' },
    missing: {
      type: 'array',
      maxItems: 4,
      uniqueItems: true,
      items: { enum: ['study-visit', 'secondment', 'research-topic', 'innovation-project'] },
    },
    rules: { ...rules, minItems: 1 },
  }),
});

export const reserveCadreChangedContract = defineEventContract<ReserveCadreChangedData>({
  type: TRAINING_EVENT_TYPES.reserveCadreChanged,
  topic: TRAINING_CADRES_TOPIC,
  schema: schema(TRAINING_EVENT_TYPES.reserveCadreChanged, 'A reserve cadre was nominated, confirmed, declined, kept or removed (REC-8)', {
    cadreId: { type: 'string', format: 'uuid' },
    workerId,
    unitCode,
    targetRole: { enum: [...CADRE_TARGET_ROLES] },
    change: { enum: [...CADRE_CHANGES] },
    on: date,
    year: { anyOf: [year, { type: 'null' }] },
    rules: { ...rules, minItems: 1 },
  }),
});

/** Every event the training service produces (PlatformOutboxModule `produces`). */
export const trainingEventContracts: readonly EventContract[] = [
  certificateRecordedContract,
  complianceShortfallContract,
  complianceClearedContract,
  planMilestoneContract,
  reserveCadreChangedContract,
];
