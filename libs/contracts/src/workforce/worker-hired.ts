/**
 * `cwp.workforce.worker.hired.v1` on topic `cwp.workforce.workers`, keyed by worker id. Produced by
 * the workforce service when a person is appointed (REC-1) or elected (ORG-3); consumed by the
 * talent pool to end a reserve entry early (POOL-3).
 *
 * Person matching without personal data: `personRef` is a keyed hash of the national ID, never the
 * ID itself. Every service that sets or matches it derives it the same way:
 *
 *   personRef = lowercase hex( HMAC-SHA256( key = PERSON_REF_KEY, message = "cwp.person-ref.v1:" + id ) )
 *
 * where `id` is the 18-character national ID number trimmed and upper-cased (a trailing check
 * character `x` becomes `X`), and PERSON_REF_KEY is the 32-byte secret shared by the services
 * that match persons (config; see apps/talent-pool/src/config.ts for its default derivation).
 */
import { defineEventContract, eventSchemaId } from '../cloudevent';

export const WORKER_HIRED_TOPIC = 'cwp.workforce.workers';
export const WORKER_HIRED_EVENT_TYPE = 'cwp.workforce.worker.hired.v1';
export const PERSON_REF_MESSAGE_PREFIX = 'cwp.person-ref.v1:';

/** ORG-3: the two entry routes. */
export const ENTRY_ROUTES = ['elected', 'recruited'] as const;
export type EntryRoute = (typeof ENTRY_ROUTES)[number];

/** POST-1: the three post categories of 三岗十八级. */
export const POST_CATEGORIES = ['head', 'manager', 'staff'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

/** POST-2: proposed refinements of the manager and staff categories. */
export const POST_ROLES = ['business-manager', 'administrative-manager', 'specialist', 'supervisor'] as const;
export type PostRole = (typeof POST_ROLES)[number];

export interface WorkerHiredData {
  workerId: string;
  /** Org-unit code of the employing street (9 digits) or residential area (12 digits). */
  unitCode: string;
  /** The reserve entry this hire came from, when the workforce service knows it. */
  talentPoolEntryId?: string;
  /** Keyed hash of the national ID (see above); lets the pool match a person without the ID. */
  personRef?: string;
  hiredOn: string;
  entryRoute: EntryRoute;
  postCategory: PostCategory;
  /** POST-1 level, 1..18. */
  postLevel?: number;
  postRole?: PostRole;
  /** The recruitment campaign that appointed the worker (REC-1), when recruited. */
  campaignId?: string;
}

export const workerHiredSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: eventSchemaId(WORKER_HIRED_EVENT_TYPE),
  title: 'A person was appointed or elected as a community worker (REC-1, ORG-3)',
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'unitCode', 'hiredOn', 'entryRoute', 'postCategory'],
  properties: {
    workerId: { type: 'string', minLength: 1, maxLength: 64 },
    unitCode: { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' },
    talentPoolEntryId: { type: 'string', format: 'uuid' },
    personRef: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    hiredOn: { type: 'string', format: 'date' },
    entryRoute: { enum: [...ENTRY_ROUTES] },
    postCategory: { enum: [...POST_CATEGORIES] },
    postLevel: { type: 'integer', minimum: 1, maximum: 18 },
    postRole: { enum: [...POST_ROLES] },
    campaignId: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;

/** Keyed (Kafka key and CloudEvents `subject`) by worker id. */
export const workerHiredContract = defineEventContract<WorkerHiredData>({
  type: WORKER_HIRED_EVENT_TYPE,
  topic: WORKER_HIRED_TOPIC,
  schema: workerHiredSchema,
});
