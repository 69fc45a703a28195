/**
 * `cwp.workforce.worker.state.v1` on the compacted topic `cwp.workforce.worker-state`, keyed by
 * worker id: a worker's current state (issue 14 bootstrap). State, not history: an HR system that
 * starts today reads the topic from the beginning and keeps the latest event per worker (Kafka
 * compaction keeps at least that one), then follows it. An exit is the terminal state (status
 * `exited` with its date and cause), kept so the HR system learns who left. Ids, codes and dates
 * only: never the name, birth date, national ID or person reference.
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';
import { EDUCATION_LEVELS, type EducationLevel } from '../shared/vocabulary';
import { ENTRY_ROUTES, POST_CATEGORIES, POST_ROLES, type EntryRoute, type PostCategory, type PostRole } from './worker-hired';
import { WORKER_ROLES, WORKER_STATUSES, WORKER_TITLES, type WorkerRole, type WorkerStatus, type WorkerTitle } from './workers-vocabulary';

export const WORKFORCE_WORKER_STATE_TOPIC = 'cwp.workforce.worker-state';
export const WORKER_STATE_EVENT_TYPE = 'cwp.workforce.worker.state.v1';

export interface WorkerStateData {
  workerId: string;
  unitCode: string;
  status: WorkerStatus;
  entryRoute: EntryRoute;
  postCategory: PostCategory;
  postLevel: number;
  postRole: PostRole | null;
  title: WorkerTitle | null;
  role: WorkerRole;
  education: EducationLevel;
  hiredOn: string;
  exitedOn: string | null;
  /** An EXIT-1..3 cause code (rows loaded in bulk may hold older codes), null while employed. */
  exitCause: string | null;
  /** The row's version: a consumer keeps the highest it has seen. */
  version: number;
  /** When the row last changed (ISO instant with microseconds). */
  updatedAt: string;
}

const date = { type: 'string', format: 'date' } as const;

export const workerStateSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: eventSchemaId(WORKER_STATE_EVENT_TYPE),
  title: "A worker's current state (latest per worker on a compacted topic; exited is terminal)",
  type: 'object',
  additionalProperties: false,
  required: [
    'workerId',
    'unitCode',
    'status',
    'entryRoute',
    'postCategory',
    'postLevel',
    'postRole',
    'title',
    'role',
    'education',
    'hiredOn',
    'exitedOn',
    'exitCause',
    'version',
    'updatedAt',
  ],
  properties: {
    workerId: { type: 'string', minLength: 1, maxLength: 64 },
    unitCode: { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' },
    status: { enum: [...WORKER_STATUSES] },
    entryRoute: { enum: [...ENTRY_ROUTES] },
    postCategory: { enum: [...POST_CATEGORIES] },
    postLevel: { type: 'integer', minimum: 1, maximum: 18 },
    postRole: { enum: [...POST_ROLES, null] },
    title: { enum: [...WORKER_TITLES, null] },
    role: { enum: [...WORKER_ROLES] },
    education: { enum: [...EDUCATION_LEVELS] },
    hiredOn: date,
    exitedOn: { type: ['string', 'null'], format: 'date' },
    exitCause: { type: ['string', 'null'], pattern: '^[a-z][a-z0-9-]{0,59}$' },
    version: { type: 'integer', minimum: 1 },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const workerStateContract = defineEventContract<WorkerStateData>({
  type: WORKER_STATE_EVENT_TYPE,
  topic: WORKFORCE_WORKER_STATE_TOPIC,
  schema: workerStateSchema,
});

export const workforceWorkerStateEventContracts: readonly EventContract[] = [workerStateContract];
