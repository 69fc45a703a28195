/**
 * `cwp.talentpool.entry.candidate.v1` on the compacted topic `cwp.talent-pool.entry-candidates`,
 * keyed by entry id: what another service of the platform needs to take a reserve entry in as an
 * applicant (issue 10: an operator invites a talent-pool entry into a recruitment campaign; the
 * entry's data reaches recruitment by this event, never by reading the pool's tables). The latest
 * state per entry: recruitment reads the topic from the beginning and keeps the highest version.
 *
 * Beside the statistical facts of the entry-state topic it carries the person's matching key and
 * the facts REC-4 eligibility needs, while the entry is active: `personRef` (the keyed hash the
 * workforce service's `worker.hired` carries too, so the hire ends this entry, POOL-3), the birth
 * date and sex read from the national ID. Once the entry ends they are null, as the pool erases
 * them. Never a name, national ID or phone (the schema is closed; names come with the operator's
 * invitation). Platform-internal: HR systems read `cwp.talent-pool.entry-state`.
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';
import type { EducationLevel } from '../shared/vocabulary';
import { dateSchema, entryKeyProperties, entryRegistrationProperties } from './entry-schema-fragments';
import { ENTRY_STATUSES, type EntryStatus, type PoolCertificate, type PoolMajor, type PoolSource } from './vocabulary';

export const TALENT_POOL_ENTRY_CANDIDATE_TOPIC = 'cwp.talent-pool.entry-candidates';
export const ENTRY_CANDIDATE_EVENT_TYPE = 'cwp.talentpool.entry.candidate.v1';

export interface EntryCandidateData {
  entryId: string;
  holdingUnit: string;
  status: EntryStatus;
  source: PoolSource;
  education: EducationLevel;
  major: PoolMajor | null;
  certificates: PoolCertificate[];
  expiresOn: string;
  /** When the entry ended (joined, withdrawn, expired); null while active. */
  endedOn: string | null;
  /** Keyed hash of the national ID (see workforce/worker-hired.ts); null once the entry ended. */
  personRef: string | null;
  /** From the national ID, for REC-4 (age); null once the entry ended. */
  birthDate: string | null;
  /** From the national ID; null once the entry ended. */
  gender: 'female' | 'male' | null;
  /** The row's version: a consumer keeps the highest it has seen. */
  version: number;
  /** When the row last changed (ISO instant with microseconds). */
  updatedAt: string;
}

export const entryCandidateSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: eventSchemaId(ENTRY_CANDIDATE_EVENT_TYPE),
  title: 'A reserve entry as a candidate for recruitment: matching key and REC-4 facts while active (latest per entry, compacted)',
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
    'expiresOn',
    'endedOn',
    'personRef',
    'birthDate',
    'gender',
    'version',
    'updatedAt',
  ],
  properties: {
    ...entryKeyProperties,
    status: { enum: [...ENTRY_STATUSES] },
    source: entryRegistrationProperties.source,
    education: entryRegistrationProperties.education,
    major: entryRegistrationProperties.major,
    certificates: entryRegistrationProperties.certificates,
    expiresOn: dateSchema,
    endedOn: { type: ['string', 'null'], format: 'date' },
    personRef: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
    birthDate: { type: ['string', 'null'], format: 'date' },
    gender: { enum: ['female', 'male', null] },
    version: { type: 'integer', minimum: 1 },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const entryCandidateContract = defineEventContract<EntryCandidateData>({
  type: ENTRY_CANDIDATE_EVENT_TYPE,
  topic: TALENT_POOL_ENTRY_CANDIDATE_TOPIC,
  schema: entryCandidateSchema,
});

export const talentPoolEntryCandidateEventContracts: readonly EventContract[] = [entryCandidateContract];
