/**
 * `cwp.talentpool.entry.state.v1` on the compacted topic `cwp.talent-pool.entry-state`, keyed by
 * entry id: a reserve entry's current state (issue 14 bootstrap). An HR system that starts today
 * reads the topic from the beginning and keeps the latest event per entry, then follows it. An
 * entry that ends (joined, withdrawn, expired) publishes its terminal state and is kept: its
 * personal data is erased in the service, and these events never carried any (no name, national
 * ID, phone or person reference; the schema is closed).
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';
import { entryKeyProperties, entryRegistrationProperties, joinedWorkerIdSchema } from './entry-schema-fragments';
import type { EducationLevel } from '../shared/vocabulary';
import {
  ENTRY_STATUSES,
  JOIN_ROUTES,
  WITHDRAW_REASONS,
  type EntryStatus,
  type JoinRoute,
  type PoolCertificate,
  type PoolMajor,
  type PoolSource,
  type WithdrawReason,
} from './vocabulary';

export const TALENT_POOL_ENTRY_STATE_TOPIC = 'cwp.talent-pool.entry-state';
export const ENTRY_STATE_EVENT_TYPE = 'cwp.talentpool.entry.state.v1';

export interface EntryStateData {
  entryId: string;
  holdingUnit: string;
  status: EntryStatus;
  source: PoolSource;
  education: EducationLevel;
  major: PoolMajor | null;
  certificates: PoolCertificate[];
  reservePeriodMonths: number;
  registeredOn: string;
  expiresOn: string;
  /** When the entry ended (joined, withdrawn, expired); null while active. */
  endedOn: string | null;
  joinRoute: JoinRoute | null;
  joinedWorkerId: string | null;
  withdrawReason: WithdrawReason | null;
  /** The row's version: a consumer keeps the highest it has seen. */
  version: number;
  /** When the row last changed (ISO instant with microseconds). */
  updatedAt: string;
}

export const entryStateSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: eventSchemaId(ENTRY_STATE_EVENT_TYPE),
  title: "A reserve entry's current state (latest per entry on a compacted topic; an ended entry is terminal)",
  type: 'object',
  additionalProperties: false,
  required: [
    'entryId',
    'holdingUnit',
    'status',
    'source',
    'education',
    'major',
    'certificates',
    'reservePeriodMonths',
    'registeredOn',
    'expiresOn',
    'endedOn',
    'joinRoute',
    'joinedWorkerId',
    'withdrawReason',
    'version',
    'updatedAt',
  ],
  properties: {
    ...entryKeyProperties,
    status: { enum: [...ENTRY_STATUSES] },
    ...entryRegistrationProperties,
    endedOn: { type: ['string', 'null'], format: 'date' },
    joinRoute: { enum: [...JOIN_ROUTES, null] },
    joinedWorkerId: joinedWorkerIdSchema,
    withdrawReason: { enum: [...WITHDRAW_REASONS, null] },
    version: { type: 'integer', minimum: 1 },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const entryStateContract = defineEventContract<EntryStateData>({
  type: ENTRY_STATE_EVENT_TYPE,
  topic: TALENT_POOL_ENTRY_STATE_TOPIC,
  schema: entryStateSchema,
});

export const talentPoolEntryStateEventContracts: readonly EventContract[] = [entryStateContract];
