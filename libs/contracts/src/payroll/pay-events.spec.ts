import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN } from '../cloudevent';
import { PAYROLL_EVENT_TYPES, payRecalibrationWorkflowId } from './names';
import {
  payRecalibratedContract,
  payrollEventContracts,
  recalibrationAppliedContract,
  slipPaidContract,
  wagePublishedContract,
  type PayRecalibratedData,
  type SlipPaidData,
  type RecalibrationAppliedData,
  type WagePublishedData,
} from './pay-events';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));

const recalibrated: PayRecalibratedData = {
  workerId: '6f1c2a9e-8d43-4c1b-9a55-0e7d3f2b4c11',
  unitCode: '310101002001',
  payYear: 2027,
  effectiveFrom: '2027-01-01',
  previousAnnualFen: 12_000_000,
  annualFen: 12_600_000,
  deltaFen: 600_000,
  performanceShare: 0.3,
  policyVersion: '2027-proposal',
  multiplier: 1.2,
  referenceWageYear: 2026,
  rules: ['PAY-2', 'PAY-3', 'PAY-5'],
};
const wage: WagePublishedData = { year: 2026, annualFen: 14_400_000, revision: 1, correction: false };
const applied: RecalibrationAppliedData = {
  payYear: 2027,
  policyVersion: '2027-proposal',
  multiplier: 1.2,
  referenceWageYear: 2026,
  workers: 3,
  gainers: 3,
  losers: 0,
  rules: ['PAY-3'],
};
const slip: SlipPaidData = {
  workerId: '6f1c2a9e-8d43-4c1b-9a55-0e7d3f2b4c11',
  unitCode: '310101002001',
  period: '2027-03',
  policyVersion: '2027-proposal',
  annualFen: 17_280_011,
  baseFen: 1_008_001,
  performanceFen: 1_296_000,
  arrearsFen: -120,
  totalFen: 2_303_881,
  performance: {
    poolUnitCode: '310101002001',
    grade: 'qualified',
    appraisalYear: 2026,
    instalment: 1,
    instalments: 4,
    shareFen: 1_296_000,
  },
  rules: ['PAY-2', 'PAY-5', 'PAY-6'],
};
const samples = [
  [payRecalibratedContract, recalibrated],
  [wagePublishedContract, wage],
  [recalibrationAppliedContract, applied],
  [slipPaidContract, slip],
] as const;

describe('payroll event contracts', () => {
  it('every type and topic follows the naming rules and is listed once', () => {
    expect(payrollEventContracts.map((c) => c.type).sort()).toEqual(Object.values(PAYROLL_EVENT_TYPES).sort());
    for (const c of payrollEventContracts) {
      expect(c.type).toMatch(EVENT_TYPE_PATTERN);
      expect(c.topic).toMatch(TOPIC_PATTERN);
      expect(c.topic.startsWith('cwp.payroll.')).toBe(true);
    }
  });

  it.each(samples)('$type: a well-formed sample validates', (contract, sample) => {
    expect(ajv.compile(contract.schema)(sample)).toBe(true);
  });

  it.each(samples)('$type: closed schema refuses personal data (national ID, phone, name, person reference)', (contract, sample) => {
    const validate = ajv.compile(contract.schema);
    for (const extra of [{ nationalId: '11010519491231002X' }, { phone: '13812345678' }, { name: '张三' }, { personRef: 'a'.repeat(64) }]) {
      expect(validate({ ...sample, ...extra })).toBe(false);
    }
  });

  it('PAY-3: a multiplier outside 1..1.5 is refused by the recalibrated contract', () => {
    expect(ajv.compile(payRecalibratedContract.schema)({ ...recalibrated, multiplier: 1.6 })).toBe(false);
  });

  it('PAY-5/PAY-6: a slip with no pool line, or a share of a worker with no grade yet, is well formed; a fifth quarter is not', () => {
    const validate = ajv.compile(slipPaidContract.schema);
    expect(validate({ ...slip, performanceFen: 0, performance: null })).toBe(true);
    expect(validate({ ...slip, performance: { ...slip.performance!, grade: null, shareFen: 0 } })).toBe(true);
    expect(validate({ ...slip, performance: { ...slip.performance!, instalment: 5 } })).toBe(false);
  });

  it('one recalibration workflow per pay year', () => {
    expect(payRecalibrationWorkflowId(2027)).toBe('pay-recalibration:2027');
  });
});
