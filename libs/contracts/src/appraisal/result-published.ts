/**
 * `cwp.appraisal.result.published.v1` on topic `cwp.appraisal.results`, keyed by worker id: a
 * worker's yearly appraisal grade (APPR-2) once published. Produced by the appraisal service;
 * consumed by payroll (PAY-5: performance pay differs by grade). Ids, codes and the grade only.
 * Defined here by payroll first (the appraisal service uses the same name and shape).
 */
import { defineEventContract, eventSchemaId } from '../cloudevent';

export const APPRAISAL_RESULTS_TOPIC = 'cwp.appraisal.results';
export const APPRAISAL_RESULT_PUBLISHED_EVENT_TYPE = 'cwp.appraisal.result.published.v1';

/** APPR-2: the four grades, best first. */
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basically-qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

export interface AppraisalResultPublishedData {
  workerId: string;
  unitCode: string;
  /** The appraisal year the grade is for. */
  year: number;
  grade: AppraisalGrade;
  publishedOn: string;
  /** Rule IDs the grade was decided under, e.g. ["APPR-1", "APPR-2", "APPR-3"]. */
  rules: string[];
}

export const appraisalResultPublishedContract = defineEventContract<AppraisalResultPublishedData>({
  type: APPRAISAL_RESULT_PUBLISHED_EVENT_TYPE,
  topic: APPRAISAL_RESULTS_TOPIC,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: eventSchemaId(APPRAISAL_RESULT_PUBLISHED_EVENT_TYPE),
    title: "A worker's yearly appraisal grade was published (APPR-2)",
    type: 'object',
    additionalProperties: false,
    required: ['workerId', 'unitCode', 'year', 'grade', 'publishedOn', 'rules'],
    properties: {
      workerId: { type: 'string', minLength: 1, maxLength: 64 },
      unitCode: { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' },
      year: { type: 'integer', minimum: 2000, maximum: 2200 },
      grade: { enum: [...APPRAISAL_GRADES] },
      publishedOn: { type: 'string', format: 'date' },
      rules: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' } },
    },
  },
});
