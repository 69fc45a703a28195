/**
 * Events of topic `cwp.talent-pool.entries` (the CloudEvents `data` of each type). They carry ids
 * and business facts only: never a national ID number, phone number, name or person reference
 * (every schema is closed with `additionalProperties: false`, and a unit spec proves it).
 */
import type { EducationLevel } from '../shared/vocabulary';
import {
  JOIN_ROUTES,
  WITHDRAW_REASONS,
  type JoinRoute,
  type PoolCertificate,
  type PoolMajor,
  type PoolSource,
  type WithdrawReason,
} from './vocabulary';
import {
  dateSchema,
  entryKeyProperties,
  entryKeyRequired,
  entryRegistrationProperties,
  joinedWorkerIdSchema,
} from './entry-schema-fragments';
import { TALENT_POOL_ENTRIES_TOPIC, TALENT_POOL_EVENT_TYPES, type TalentPoolEventType } from './names';
import { defineEventContract, type EventContract, type JsonSchema, eventSchemaId } from '../cloudevent';

/** Facts common to every entry event: which entry, held by which street/district. */
interface EntryEventBase {
  entryId: string;
  /** Org-unit code of the street or district that holds the entry (ORG-2). */
  holdingUnit: string;
}

export interface EntryRegisteredData extends EntryEventBase {
  source: PoolSource;
  education: EducationLevel;
  major: PoolMajor | null;
  certificates: PoolCertificate[];
  /** POOL-2: the reserve period granted, in months (12..24 under today's parameters). */
  reservePeriodMonths: number;
  registeredOn: string;
  expiresOn: string;
}

export interface EntryExpiringData extends EntryEventBase {
  expiresOn: string;
  /** The `pool.expiryReminderDays` parameter the reminder was scheduled with. */
  reminderDays: number;
  remindedOn: string;
}

export interface EntryExpiredData extends EntryEventBase {
  source: PoolSource;
  registeredOn: string;
  expiresOn: string;
  expiredOn: string;
}

export interface EntryJoinedData extends EntryEventBase {
  joinedOn: string;
  via: JoinRoute;
  /** The workforce worker id, when the join came from `cwp.workforce.worker.hired.v1`. */
  workerId: string | null;
}

export interface EntryWithdrawnData extends EntryEventBase {
  withdrawnOn: string;
  reason: WithdrawReason;
}

export interface TalentPoolEventDataByType {
  [TALENT_POOL_EVENT_TYPES.registered]: EntryRegisteredData;
  [TALENT_POOL_EVENT_TYPES.expiring]: EntryExpiringData;
  [TALENT_POOL_EVENT_TYPES.expired]: EntryExpiredData;
  [TALENT_POOL_EVENT_TYPES.joined]: EntryJoinedData;
  [TALENT_POOL_EVENT_TYPES.withdrawn]: EntryWithdrawnData;
}

const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';
const schemaId = eventSchemaId;

// Shared property schemas (one fragment with the entry-state event, D8).
const date = dateSchema;
const base = entryKeyProperties;
const baseRequired = entryKeyRequired;

export const entryRegisteredSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(TALENT_POOL_EVENT_TYPES.registered),
  title: 'A candidate entered the talent reserve pool (POOL-1, POOL-2)',
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'source', 'education', 'major', 'certificates', 'reservePeriodMonths', 'registeredOn', 'expiresOn'],
  properties: {
    ...base,
    ...entryRegistrationProperties,
  },
} as const;

export const entryExpiringSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(TALENT_POOL_EVENT_TYPES.expiring),
  title: 'An entry reaches the reminder point before its reserve period ends (POOL-2)',
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'expiresOn', 'reminderDays', 'remindedOn'],
  properties: {
    ...base,
    expiresOn: date,
    reminderDays: { type: 'integer', minimum: 0, maximum: 366 },
    remindedOn: date,
  },
} as const;

export const entryExpiredSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(TALENT_POOL_EVENT_TYPES.expired),
  title: 'An entry that did not join the workforce was removed at the end of its period (POOL-2)',
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'source', 'registeredOn', 'expiresOn', 'expiredOn'],
  properties: {
    ...base,
    source: entryRegistrationProperties.source,
    registeredOn: date,
    expiresOn: date,
    expiredOn: date,
  },
} as const;

export const entryJoinedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(TALENT_POOL_EVENT_TYPES.joined),
  title: 'The candidate joined the workforce; the reserve period ends early (POOL-3)',
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'joinedOn', 'via', 'workerId'],
  properties: {
    ...base,
    joinedOn: date,
    via: { enum: [...JOIN_ROUTES] },
    workerId: joinedWorkerIdSchema,
  },
} as const;

export const entryWithdrawnSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(TALENT_POOL_EVENT_TYPES.withdrawn),
  title: 'An entry was withdrawn before its reserve period ended',
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'withdrawnOn', 'reason'],
  properties: {
    ...base,
    withdrawnOn: date,
    reason: { enum: [...WITHDRAW_REASONS] },
  },
} as const;

/**
 * One topic for all entry events. The type's service segment `talentpool` and the topic's
 * `talent-pool` are both fixed by the product brief; defineEventContract ignores hyphens there.
 */
function talentPoolContract<TData>(type: TalentPoolEventType, schema: JsonSchema): EventContract<TData> {
  return defineEventContract<TData>({ type, topic: TALENT_POOL_ENTRIES_TOPIC, schema });
}

export const entryRegisteredContract = talentPoolContract<EntryRegisteredData>(TALENT_POOL_EVENT_TYPES.registered, entryRegisteredSchema);
export const entryExpiringContract = talentPoolContract<EntryExpiringData>(TALENT_POOL_EVENT_TYPES.expiring, entryExpiringSchema);
export const entryExpiredContract = talentPoolContract<EntryExpiredData>(TALENT_POOL_EVENT_TYPES.expired, entryExpiredSchema);
export const entryJoinedContract = talentPoolContract<EntryJoinedData>(TALENT_POOL_EVENT_TYPES.joined, entryJoinedSchema);
export const entryWithdrawnContract = talentPoolContract<EntryWithdrawnData>(TALENT_POOL_EVENT_TYPES.withdrawn, entryWithdrawnSchema);

/** Every event the talent pool produces; all keyed by entry id (CloudEvents `subject` = entry id). */
export const talentPoolEventContracts: readonly EventContract[] = [
  entryRegisteredContract,
  entryExpiringContract,
  entryExpiredContract,
  entryJoinedContract,
  entryWithdrawnContract,
];
