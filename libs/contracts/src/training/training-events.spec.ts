import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN } from '../cloudevent';
import {
  certificateRecordedContract,
  complianceShortfallContract,
  planMilestoneContract,
  reserveCadreChangedContract,
  trainingEventContracts,
} from './training-events';
import { developmentPlanWorkflowId, trainingComplianceWorkflowId } from './names';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
const workerId = '6f1c2a9e-8d43-4c1b-9a55-0e7d3f2b4c11';
const valid = (contract: { schema: object }, data: unknown): boolean => ajv.validate(contract.schema, data);

describe('training event contracts', () => {
  it('name every type and topic in the platform pattern', () => {
    for (const c of trainingEventContracts) {
      expect(c.type).toMatch(EVENT_TYPE_PATTERN);
      expect(c.topic).toMatch(TOPIC_PATTERN);
      expect((c.schema as { additionalProperties: boolean }).additionalProperties).toBe(false);
    }
  });

  it('TRAIN-8 a certificate carries ids, kind and date; a name field is refused (closed schema)', () => {
    const data = { certificateId: workerId, workerId, unitCode: '310101002', kind: 'social-worker', passedOn: '2026-06-20' };
    expect(valid(certificateRecordedContract, data)).toBe(true);
    expect(valid(certificateRecordedContract, { ...data, name: '张三' })).toBe(false);
    expect(valid(certificateRecordedContract, { ...data, kind: 'driving-licence' })).toBe(false);
  });

  it('TRAIN-3 a shortfall names at least one rule', () => {
    const data = {
      workerId,
      unitCode: '310101002001',
      year: 2026,
      hours: 79,
      requiredHours: 80,
      offJobMet: true,
      rules: ['TRAIN-3'],
      policyVersion: '2016-current',
    };
    expect(valid(complianceShortfallContract, data)).toBe(true);
    expect(valid(complianceShortfallContract, { ...data, rules: [] })).toBe(false);
  });

  it('TRAIN-2 a milestone lists only four-ones items as missing', () => {
    const data = {
      workerId,
      unitCode: '310101002',
      milestone: 'qualified',
      on: '2029-09-01',
      met: false,
      missing: ['secondment'],
      rules: ['TRAIN-2'],
    };
    expect(valid(planMilestoneContract, data)).toBe(true);
    expect(valid(planMilestoneContract, { ...data, missing: ['holiday'] })).toBe(false);
  });

  it('workflow ids are business keys', () => {
    expect(developmentPlanWorkflowId('w1')).toBe('training-plan:w1');
    expect(trainingComplianceWorkflowId(2026)).toBe('training-compliance:2026');
  });

  it('REC-8 a reserve-cadre change carries ids, post, change and date; a birth date is refused (closed schema)', () => {
    const data = {
      cadreId: workerId,
      workerId,
      unitCode: '310101002001',
      targetRole: 'party-secretary',
      change: 'kept',
      on: '2027-12-10',
      year: 2027,
      rules: ['REC-8'],
    };
    expect(valid(reserveCadreChangedContract, data)).toBe(true);
    expect(valid(reserveCadreChangedContract, { ...data, year: null, change: 'nominated' })).toBe(true);
    expect(valid(reserveCadreChangedContract, { ...data, birthDate: '1994-04-01' })).toBe(false);
    expect(valid(reserveCadreChangedContract, { ...data, change: 'promoted' })).toBe(false);
  });
});
