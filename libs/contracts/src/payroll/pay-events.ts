/**
 * Events of the payroll service (PAY-3, PAY-7). Ids, codes and figures in fen only: never a name,
 * national ID, phone number or person reference (closed schemas, `additionalProperties: false`).
 */
import { defineEventContract, eventSchemaId, type EventContract } from '../cloudevent';
import { PAYROLL_EVENT_TYPES as T, PAYROLL_PAY_TOPIC, PAYROLL_RECALIBRATIONS_TOPIC, PAYROLL_WAGES_TOPIC } from './names';

const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';
const WORKER_ID = { type: 'string', minLength: 1, maxLength: 64 } as const;
const UNIT_CODE = { type: 'string', pattern: '^31[0-9]{7}([0-9]{3})?$' } as const;
const YEAR = { type: 'integer', minimum: 2000, maximum: 2200 } as const;
const FEN = { type: 'integer', minimum: 0 } as const;
const SIGNED_FEN = { type: 'integer' } as const;
const VERSION_ID = { type: 'string', minLength: 1, maxLength: 64 } as const;
const RULES = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' } } as const;

/** One worker's yearly pay after the recalibration of `payYear` (PAY-3), effective 1 January. */
export interface PayRecalibratedData {
  workerId: string;
  unitCode: string;
  payYear: number;
  effectiveFrom: string;
  previousAnnualFen: number;
  annualFen: number;
  deltaFen: number;
  /** PAY-5: performance share of total pay in the pay year. */
  performanceShare: number;
  policyVersion: string;
  multiplier: number;
  referenceWageYear: number;
  /** Rule IDs of the explanation (the whole explanation is on GET /recalibrations/:year/workers/:id). */
  rules: string[];
}

export const payRecalibratedContract = defineEventContract<PayRecalibratedData>({
  type: T.recalibrated,
  topic: PAYROLL_PAY_TOPIC,
  schema: {
    $schema: SCHEMA_DIALECT,
    $id: eventSchemaId(T.recalibrated),
    title: "A worker's yearly pay was recalibrated against the city's average wage (PAY-3)",
    type: 'object',
    additionalProperties: false,
    required: [
      'workerId',
      'unitCode',
      'payYear',
      'effectiveFrom',
      'previousAnnualFen',
      'annualFen',
      'deltaFen',
      'performanceShare',
      'policyVersion',
      'multiplier',
      'referenceWageYear',
      'rules',
    ],
    properties: {
      workerId: WORKER_ID,
      unitCode: UNIT_CODE,
      payYear: YEAR,
      effectiveFrom: { type: 'string', format: 'date' },
      previousAnnualFen: FEN,
      annualFen: FEN,
      deltaFen: SIGNED_FEN,
      performanceShare: { type: 'number', minimum: 0, maximum: 1 },
      policyVersion: VERSION_ID,
      multiplier: { type: 'number', minimum: 1, maximum: 1.5 },
      referenceWageYear: YEAR,
      rules: RULES,
    },
  },
});

/** The city's average wage of a year, published or corrected (PAY-1, PAY-3). */
export interface WagePublishedData {
  year: number;
  annualFen: number;
  /** 1 on first publication; each correction adds one. */
  revision: number;
  /** Code-like reason of a correction (free text stays in the audited row, not in events). */
  correction: boolean;
}

export const wagePublishedContract = defineEventContract<WagePublishedData>({
  type: T.wagePublished,
  topic: PAYROLL_WAGES_TOPIC,
  schema: {
    $schema: SCHEMA_DIALECT,
    $id: eventSchemaId(T.wagePublished),
    title: "The city's average wage of a year was published or corrected (PAY-1, PAY-3)",
    type: 'object',
    additionalProperties: false,
    required: ['year', 'annualFen', 'revision', 'correction'],
    properties: {
      year: YEAR,
      annualFen: { type: 'integer', minimum: 1 },
      revision: { type: 'integer', minimum: 1 },
      correction: { type: 'boolean' },
    },
  },
});

/**
 * The yearly recalibration finished applying (PAY-3): counts for HR and finance systems. Totals in
 * fen are left out on purpose: an 11-digit total (e.g. 15000000000) is indistinguishable from a
 * mobile number to the outbox's personal-data guard; they are on GET /recalibrations/:year.
 */
export interface RecalibrationAppliedData {
  payYear: number;
  policyVersion: string;
  multiplier: number;
  referenceWageYear: number;
  workers: number;
  gainers: number;
  losers: number;
  rules: string[];
}

export const recalibrationAppliedContract = defineEventContract<RecalibrationAppliedData>({
  type: T.recalibrationApplied,
  topic: PAYROLL_RECALIBRATIONS_TOPIC,
  schema: {
    $schema: SCHEMA_DIALECT,
    $id: eventSchemaId(T.recalibrationApplied),
    title: 'The yearly pay recalibration was applied to every worker (PAY-3)',
    type: 'object',
    additionalProperties: false,
    required: ['payYear', 'policyVersion', 'multiplier', 'referenceWageYear', 'workers', 'gainers', 'losers', 'rules'],
    properties: {
      payYear: YEAR,
      policyVersion: VERSION_ID,
      multiplier: { type: 'number', minimum: 1, maximum: 1.5 },
      referenceWageYear: YEAR,
      workers: { type: 'integer', minimum: 0 },
      gainers: { type: 'integer', minimum: 0 },
      losers: { type: 'integer', minimum: 0 },
      rules: RULES,
    },
  },
});

/** PAY-5/PAY-6: the pool share a slip pays (null on a slip with no performance line). */
export interface SlipPerformanceLine {
  /** The unit whose quota binds the pool (PAY-6). */
  poolUnitCode: string;
  /** The grade of the appraisal year the share follows; null: none published yet (no share). */
  grade: 'excellent' | 'qualified' | 'basically-qualified' | 'unqualified' | null;
  appraisalYear: number;
  /** Which payment of the year: 1..4 for a quarter, 1 of 1 for a yearly payment. */
  instalment: number;
  instalments: number;
  shareFen: number;
}

/**
 * A worker's monthly slip was paid (PAY-2, PAY-5, PAY-6): base pay, the performance pool share
 * when one fell due, and arrears, for HR and finance systems. Keyed by worker id. Figures in fen.
 */
export interface SlipPaidData {
  workerId: string;
  unitCode: string;
  period: string;
  policyVersion: string;
  /** The yearly pay the base pay is a month of (PAY-3). */
  annualFen: number;
  baseFen: number;
  performanceFen: number;
  /** Back pay for earlier months of the year (negative: recovered). */
  arrearsFen: number;
  totalFen: number;
  performance: SlipPerformanceLine | null;
  rules: string[];
}

const GRADE = { enum: ['excellent', 'qualified', 'basically-qualified', 'unqualified', null] } as const;

export const slipPaidContract = defineEventContract<SlipPaidData>({
  type: T.slipPaid,
  topic: PAYROLL_PAY_TOPIC,
  schema: {
    $schema: SCHEMA_DIALECT,
    $id: eventSchemaId(T.slipPaid),
    title: "A worker's monthly pay slip was paid: base, performance pool share, arrears (PAY-2, PAY-5, PAY-6)",
    type: 'object',
    additionalProperties: false,
    required: [
      'workerId',
      'unitCode',
      'period',
      'policyVersion',
      'annualFen',
      'baseFen',
      'performanceFen',
      'arrearsFen',
      'totalFen',
      'performance',
      'rules',
    ],
    properties: {
      workerId: WORKER_ID,
      unitCode: UNIT_CODE,
      period: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
      policyVersion: VERSION_ID,
      annualFen: FEN,
      baseFen: FEN,
      performanceFen: FEN,
      arrearsFen: SIGNED_FEN,
      totalFen: SIGNED_FEN,
      performance: {
        anyOf: [
          { type: 'null' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['poolUnitCode', 'grade', 'appraisalYear', 'instalment', 'instalments', 'shareFen'],
            properties: {
              poolUnitCode: UNIT_CODE,
              grade: GRADE,
              appraisalYear: YEAR,
              instalment: { type: 'integer', minimum: 1, maximum: 4 },
              instalments: { enum: [1, 4] },
              shareFen: FEN,
            },
          },
        ],
      },
      rules: RULES,
    },
  },
});

/** Every event the payroll service produces (PlatformOutboxModule `produces`). */
export const payrollEventContracts: readonly EventContract[] = [
  payRecalibratedContract,
  wagePublishedContract,
  recalibrationAppliedContract,
  slipPaidContract,
];
