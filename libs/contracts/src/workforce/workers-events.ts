/**
 * Worker events other than `hired` on topic `cwp.workforce.workers`, keyed (Kafka key and
 * CloudEvents `subject`) by worker id, so each worker's events stay in order. They carry ids and
 * business facts only: never a national ID, phone number, name, birth date or person reference
 * (every schema is closed with `additionalProperties: false`; a unit spec proves it).
 */
import { defineEventContract, type EventContract, eventSchemaId } from '../cloudevent';
import {
  POST_CATEGORIES,
  POST_ROLES,
  WORKER_HIRED_TOPIC,
  ENTRY_ROUTES,
  workerHiredContract,
  type EntryRoute,
  type PostCategory,
  type PostRole,
} from './worker-hired';
import {
  WORKER_CHANGE_REASONS,
  WORKER_EXIT_CAUSES,
  WORKER_ROLES,
  WORKER_STATUSES,
  WORKER_TITLES,
  type WorkerChangeReason,
  type WorkerExitCause,
  type WorkerRole,
  type WorkerStatus,
  type WorkerTitle,
} from './workers-vocabulary';

export const WORKFORCE_WORKERS_TOPIC = WORKER_HIRED_TOPIC;

export const WORKER_EVENT_TYPES = {
  hired: 'cwp.workforce.worker.hired.v1',
  changed: 'cwp.workforce.worker.changed.v1',
  transferred: 'cwp.workforce.worker.transferred.v1',
  exited: 'cwp.workforce.worker.exited.v1',
} as const;

/** Fields a `changed` event can report as changed. */
export const WORKER_CHANGED_FIELDS = ['postCategory', 'postLevel', 'postRole', 'title', 'role', 'status'] as const;
export type WorkerChangedField = (typeof WORKER_CHANGED_FIELDS)[number];

/** Post, title, role or duty status changed (POST-1..3, PROM-1, QUOTA-6); the state after it. */
export interface WorkerChangedData {
  workerId: string;
  unitCode: string;
  changedOn: string;
  reason: WorkerChangeReason;
  changedFields: WorkerChangedField[];
  postCategory: PostCategory;
  postLevel: number;
  postRole: PostRole | null;
  title: WorkerTitle | null;
  role: WorkerRole;
  status: Exclude<WorkerStatus, 'exited'>;
  /** The worker's version after the change (consumers can drop stale duplicates). */
  version: number;
}

/** Moved between units inside the operator's scope (ORG-2). */
export interface WorkerTransferredData {
  workerId: string;
  fromUnitCode: string;
  toUnitCode: string;
  transferredOn: string;
  version: number;
}

/** Left the workforce (EXIT-1..3): the cause code and the rules it was decided under. */
export interface WorkerExitedData {
  workerId: string;
  unitCode: string;
  exitedOn: string;
  entryRoute: EntryRoute;
  cause: WorkerExitCause;
  /** POLICY rule IDs the exit was decided under, e.g. ["ORG-3", "EXIT-3"]. */
  rules: string[];
  version: number;
}

const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';
const schemaId = eventSchemaId;
const workerId = { type: 'string', minLength: 1, maxLength: 64 } as const;
const unitCode = { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' } as const;
const date = { type: 'string', format: 'date' } as const;
const version = { type: 'integer', minimum: 1 } as const;

export const workerChangedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(WORKER_EVENT_TYPES.changed),
  title: "A worker's post, level, title, role or duty status changed (POST-1..3, PROM-1, QUOTA-6)",
  type: 'object',
  additionalProperties: false,
  required: [
    'workerId',
    'unitCode',
    'changedOn',
    'reason',
    'changedFields',
    'postCategory',
    'postLevel',
    'postRole',
    'title',
    'role',
    'status',
    'version',
  ],
  properties: {
    workerId,
    unitCode,
    changedOn: date,
    reason: { enum: [...WORKER_CHANGE_REASONS] },
    changedFields: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...WORKER_CHANGED_FIELDS] } },
    postCategory: { enum: [...POST_CATEGORIES] },
    postLevel: { type: 'integer', minimum: 1, maximum: 18 },
    postRole: { enum: [...POST_ROLES, null] },
    title: { enum: [...WORKER_TITLES, null] },
    role: { enum: [...WORKER_ROLES] },
    status: { enum: WORKER_STATUSES.filter((s) => s !== 'exited') },
    version,
  },
} as const;

export const workerTransferredSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(WORKER_EVENT_TYPES.transferred),
  title: 'A worker moved to another unit within the operator scope (ORG-2)',
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'fromUnitCode', 'toUnitCode', 'transferredOn', 'version'],
  properties: { workerId, fromUnitCode: unitCode, toUnitCode: unitCode, transferredOn: date, version },
} as const;

export const workerExitedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(WORKER_EVENT_TYPES.exited),
  title: 'A worker left the workforce with an EXIT-1/EXIT-2/EXIT-3 cause',
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'unitCode', 'exitedOn', 'entryRoute', 'cause', 'rules', 'version'],
  properties: {
    workerId,
    unitCode,
    exitedOn: date,
    entryRoute: { enum: [...ENTRY_ROUTES] },
    cause: { enum: [...WORKER_EXIT_CAUSES] },
    rules: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' } },
    version,
  },
} as const;

export const workerChangedContract = defineEventContract<WorkerChangedData>({
  type: WORKER_EVENT_TYPES.changed,
  topic: WORKFORCE_WORKERS_TOPIC,
  schema: workerChangedSchema,
});
export const workerTransferredContract = defineEventContract<WorkerTransferredData>({
  type: WORKER_EVENT_TYPES.transferred,
  topic: WORKFORCE_WORKERS_TOPIC,
  schema: workerTransferredSchema,
});
export const workerExitedContract = defineEventContract<WorkerExitedData>({
  type: WORKER_EVENT_TYPES.exited,
  topic: WORKFORCE_WORKERS_TOPIC,
  schema: workerExitedSchema,
});

/** Every worker event the workforce service produces (PlatformOutboxModule `produces`). */
export const workforceWorkerEventContracts: readonly EventContract[] = [
  workerHiredContract,
  workerChangedContract,
  workerTransferredContract,
  workerExitedContract,
];
