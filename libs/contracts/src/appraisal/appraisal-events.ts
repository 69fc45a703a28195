/**
 * Events of the appraisal service. Results go on `cwp.appraisal.results`, the performance record's
 * tasks and exit triggers on `cwp.appraisal.records`, both keyed (Kafka key and CloudEvents
 * `subject`) by worker id so each worker's events stay in order. Ids, codes, years and grades only:
 * never a name, national ID, phone number or who rated (every schema is closed with
 * `additionalProperties: false`; a unit spec proves it).
 */
import { defineEventContract, type EventContract } from '../cloudevent';
import type { EntryRoute } from '../workforce/worker-hired';
import { APPRAISAL_EVENT_TYPES, APPRAISAL_INCENTIVES_TOPIC, APPRAISAL_RECORDS_TOPIC, APPRAISAL_RESULTS_TOPIC } from './names';
import {
  APPRAISAL_GRADES,
  INCENTIVE_LEVELS,
  RECORD_TASK_KINDS,
  RESULT_CHANGE_REASONS,
  type AppraisalGrade,
  type IncentiveLevel,
  type RecordTaskKind,
  type ResultChangeReason,
} from './vocabulary';

/** APPR-2: a worker's grade for a year, published after close and calibration (payroll PAY-5, promotion). */
export interface ResultPublishedData {
  workerId: string;
  unitCode: string;
  year: number;
  grade: AppraisalGrade;
  /** 0..100 when the grade came from ratings (APPR-3), null when awarded directly. */
  score: number | null;
  /** Whether an operator's calibration moved the grade away from the score's mapping. */
  calibrated: boolean;
  policyVersion: string;
}

/** A published grade changed (an upheld appeal); consumers replace the year's grade. */
export interface ResultChangedData {
  workerId: string;
  unitCode: string;
  year: number;
  previousGrade: AppraisalGrade;
  grade: AppraisalGrade;
  reason: ResultChangeReason;
}

/** APPR-5 / EXIT-2 / EXIT-3: the performance record opened a task for the worker's street. */
export interface TaskOpenedData {
  taskId: string;
  workerId: string;
  unitCode: string;
  kind: RecordTaskKind;
  year: number;
  dueOn: string;
  /** Rule IDs the task follows from, e.g. ["APPR-5"] or ["APPR-5", "ORG-3", "EXIT-3"]. */
  rules: string[];
}

/** A task overdue after its reminder went to the district (ORG-2). */
export interface TaskEscalatedData {
  taskId: string;
  workerId: string;
  unitCode: string;
  kind: RecordTaskKind;
  year: number;
  escalatedTo: string;
  dueOn: string;
}

/**
 * EXIT-3 cause 1: a recruited worker unqualified two consecutive years, the street confirmed the
 * notice; the workforce service ends the contract with this cause and these appraisal facts.
 */
export interface ExitTriggeredData {
  workerId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  cause: 'unqualified-two-years';
  /** The two consecutive unqualified years (and their grades) establishing the cause. */
  appraisals: { year: number; grade: AppraisalGrade }[];
  effectiveOn: string;
  /** The exit-notice task the street confirmed. */
  taskId: string;
  rules: string[];
}

/** APPR-6: the yearly top ten outstanding workers of a district or the city. */
export interface IncentiveSelectedData {
  level: IncentiveLevel;
  unitCode: string;
  year: number;
  /** Best first: worker id and score; only workers graded excellent that year. */
  selected: { workerId: string; score: number; rank: number }[];
}

const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';
const schemaId = (type: string): string => `https://schemas.cwp.example/${type}.json`;
const workerId = { type: 'string', minLength: 1, maxLength: 64 } as const;
const workerUnit = { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' } as const;
const anyUnit = { type: 'string', pattern: '^31([0-9]{4}([0-9]{3}([0-9]{3})?)?)?$' } as const;
const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const grade = { enum: [...APPRAISAL_GRADES] } as const;
const date = { type: 'string', format: 'date' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const rules = {
  type: 'array',
  minItems: 1,
  maxItems: 10,
  uniqueItems: true,
  items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' },
} as const;

export const resultPublishedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(APPRAISAL_EVENT_TYPES.resultPublished),
  title: "A worker's yearly appraisal grade was published (APPR-1..3)",
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'unitCode', 'year', 'grade', 'score', 'calibrated', 'policyVersion'],
  properties: {
    workerId,
    unitCode: workerUnit,
    year,
    grade,
    score: { type: ['number', 'null'], minimum: 0, maximum: 100 },
    calibrated: { type: 'boolean' },
    policyVersion: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;

export const resultChangedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(APPRAISAL_EVENT_TYPES.resultChanged),
  title: 'A published appraisal grade changed on appeal',
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'unitCode', 'year', 'previousGrade', 'grade', 'reason'],
  properties: { workerId, unitCode: workerUnit, year, previousGrade: grade, grade, reason: { enum: [...RESULT_CHANGE_REASONS] } },
} as const;

export const taskOpenedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(APPRAISAL_EVENT_TYPES.taskOpened),
  title: 'The performance record opened a task (APPR-5 admonishment, EXIT-2 adjustment, EXIT-3 notice)',
  type: 'object',
  additionalProperties: false,
  required: ['taskId', 'workerId', 'unitCode', 'kind', 'year', 'dueOn', 'rules'],
  properties: { taskId: uuid, workerId, unitCode: workerUnit, kind: { enum: [...RECORD_TASK_KINDS] }, year, dueOn: date, rules },
} as const;

export const taskEscalatedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(APPRAISAL_EVENT_TYPES.taskEscalated),
  title: 'An overdue performance-record task was escalated to the district',
  type: 'object',
  additionalProperties: false,
  required: ['taskId', 'workerId', 'unitCode', 'kind', 'year', 'escalatedTo', 'dueOn'],
  properties: {
    taskId: uuid,
    workerId,
    unitCode: workerUnit,
    kind: { enum: [...RECORD_TASK_KINDS] },
    year,
    escalatedTo: anyUnit,
    dueOn: date,
  },
} as const;

export const exitTriggeredSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(APPRAISAL_EVENT_TYPES.exitTriggered),
  title: "A recruited worker's contract is to end: unqualified two years in a row (APPR-5, EXIT-3 cause 1)",
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'unitCode', 'entryRoute', 'cause', 'appraisals', 'effectiveOn', 'taskId', 'rules'],
  properties: {
    workerId,
    unitCode: workerUnit,
    // ORG-3: only recruited workers leave on EXIT-3 causes (EXIT-2 for elected workers).
    entryRoute: { enum: ['recruited'] },
    cause: { enum: ['unqualified-two-years'] },
    appraisals: {
      type: 'array',
      minItems: 2,
      maxItems: 5,
      items: { type: 'object', additionalProperties: false, required: ['year', 'grade'], properties: { year, grade } },
    },
    effectiveOn: date,
    taskId: uuid,
    rules,
  },
} as const;

export const incentiveSelectedSchema = {
  $schema: SCHEMA_DIALECT,
  $id: schemaId(APPRAISAL_EVENT_TYPES.incentiveSelected),
  title: 'The yearly top ten outstanding community workers of a district or the city (APPR-6)',
  type: 'object',
  additionalProperties: false,
  required: ['level', 'unitCode', 'year', 'selected'],
  properties: {
    level: { enum: [...INCENTIVE_LEVELS] },
    unitCode: { type: 'string', pattern: '^31([0-9]{4})?$' },
    year,
    selected: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['workerId', 'score', 'rank'],
        properties: { workerId, score: { type: 'number', minimum: 0, maximum: 100 }, rank: { type: 'integer', minimum: 1, maximum: 10 } },
      },
    },
  },
} as const;

export const resultPublishedContract = defineEventContract<ResultPublishedData>({
  type: APPRAISAL_EVENT_TYPES.resultPublished,
  topic: APPRAISAL_RESULTS_TOPIC,
  schema: resultPublishedSchema,
});
export const resultChangedContract = defineEventContract<ResultChangedData>({
  type: APPRAISAL_EVENT_TYPES.resultChanged,
  topic: APPRAISAL_RESULTS_TOPIC,
  schema: resultChangedSchema,
});
export const taskOpenedContract = defineEventContract<TaskOpenedData>({
  type: APPRAISAL_EVENT_TYPES.taskOpened,
  topic: APPRAISAL_RECORDS_TOPIC,
  schema: taskOpenedSchema,
});
export const taskEscalatedContract = defineEventContract<TaskEscalatedData>({
  type: APPRAISAL_EVENT_TYPES.taskEscalated,
  topic: APPRAISAL_RECORDS_TOPIC,
  schema: taskEscalatedSchema,
});
export const exitTriggeredContract = defineEventContract<ExitTriggeredData>({
  type: APPRAISAL_EVENT_TYPES.exitTriggered,
  topic: APPRAISAL_RECORDS_TOPIC,
  schema: exitTriggeredSchema,
});
export const incentiveSelectedContract = defineEventContract<IncentiveSelectedData>({
  type: APPRAISAL_EVENT_TYPES.incentiveSelected,
  topic: APPRAISAL_INCENTIVES_TOPIC,
  schema: incentiveSelectedSchema,
});

/** Every event the appraisal service produces (PlatformOutboxModule `produces`). */
export const appraisalEventContracts: readonly EventContract[] = [
  resultPublishedContract,
  resultChangedContract,
  taskOpenedContract,
  taskEscalatedContract,
  exitTriggeredContract,
  incentiveSelectedContract,
];

export type { EntryRoute as AppraisalEntryRoute, IncentiveLevel as AppraisalIncentiveLevel };
