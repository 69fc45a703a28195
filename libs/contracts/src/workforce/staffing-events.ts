/**
 * `cwp.workforce.staffing.changed.v1` on the compacted topic `cwp.workforce.staffing`, keyed by
 * street code: the current staffing of one street, its centre and residential areas together
 * (QUOTA-6 figures: quota, headcount, vacancies counted per unit then summed).
 * State, not history: a consumer reads the topic from the beginning to bootstrap and keeps the
 * latest event per unit (Kafka compaction keeps at least that one). Published by the workforce
 * service whenever a unit's figures change (hire, exit, transfer, quota change, floating loan).
 * Consumed by recruitment (REC-2: planned posts may not exceed a unit's vacancies).
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';

export const WORKFORCE_STAFFING_TOPIC = 'cwp.workforce.staffing';
export const STAFFING_CHANGED_EVENT_TYPE = 'cwp.workforce.staffing.changed.v1';

export interface StaffingChangedData {
  /** The street (9 digits). */
  unitCode: string;
  /** Area and centre quotas of the street's units, borrowed floating places included (QUOTA-1..4). */
  quota: number;
  /** Workers not exited. */
  headcount: number;
  /** Σ max(0, quota − headcount) over the street's units, as the QUOTA-6 report counts them. */
  vacancies: number;
  /** When the workforce service computed these figures (ISO instant). */
  asOf: string;
}

export const staffingChangedSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: eventSchemaId(STAFFING_CHANGED_EVENT_TYPE),
  title: "A street's staffing (quota, headcount, vacancies) changed (QUOTA-6)",
  type: 'object',
  additionalProperties: false,
  required: ['unitCode', 'quota', 'headcount', 'vacancies', 'asOf'],
  properties: {
    unitCode: { type: 'string', pattern: '^31[0-9]{7}$' },
    quota: { type: 'integer', minimum: 0 },
    headcount: { type: 'integer', minimum: 0 },
    vacancies: { type: 'integer', minimum: 0 },
    asOf: { type: 'string', format: 'date-time' },
  },
} as const;

export const staffingChangedContract = defineEventContract<StaffingChangedData>({
  type: STAFFING_CHANGED_EVENT_TYPE,
  topic: WORKFORCE_STAFFING_TOPIC,
  schema: staffingChangedSchema,
});

export const workforceStaffingEventContracts: readonly EventContract[] = [staffingChangedContract];
