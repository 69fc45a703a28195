import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { nationalIdCheckChar } from '@cwp/policy';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN } from '../cloudevent';
import {
  appraisalEventContracts,
  exitTriggeredContract,
  incentiveSelectedContract,
  resultChangedContract,
  resultPublishedContract,
  taskEscalatedContract,
  taskOpenedContract,
  type ExitTriggeredData,
  type ResultPublishedData,
} from './appraisal-events';
import { APPRAISAL_EVENT_TYPES, appraisalCycleWorkflowId, performanceRecordWorkflowId } from './names';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
const workerId = '6f1c2a9e-8d43-4c1b-9a55-0e7d3f2b4c11';
const taskId = '0b7e4d1a-3c2f-4e5a-9b8c-7d6e5f4a3b2c';
const idBody = '31010119900517123';

const published: ResultPublishedData = {
  workerId,
  unitCode: '310101002001',
  year: 2026,
  grade: 'unqualified',
  score: 55.4,
  calibrated: false,
  policyVersion: '2016-current',
};
const exit: ExitTriggeredData = {
  workerId,
  unitCode: '310101002001',
  entryRoute: 'recruited',
  cause: 'unqualified-two-years',
  appraisals: [
    { year: 2025, grade: 'unqualified' },
    { year: 2026, grade: 'unqualified' },
  ],
  effectiveOn: '2027-03-31',
  taskId,
  rules: ['APPR-5', 'ORG-3', 'EXIT-3'],
};
const samples = [
  [resultPublishedContract, published],
  [
    resultChangedContract,
    { workerId, unitCode: '310101002001', year: 2026, previousGrade: 'unqualified', grade: 'basically-qualified', reason: 'appeal-upheld' },
  ],
  [
    taskOpenedContract,
    { taskId, workerId, unitCode: '310101002001', kind: 'admonishment-talk', year: 2026, dueOn: '2027-02-28', rules: ['APPR-5'] },
  ],
  [
    taskEscalatedContract,
    { taskId, workerId, unitCode: '310101002001', kind: 'admonishment-talk', year: 2026, escalatedTo: '310101', dueOn: '2027-02-28' },
  ],
  [exitTriggeredContract, exit],
  [incentiveSelectedContract, { level: 'district', unitCode: '310101', year: 2026, selected: [{ workerId, score: 97.5, rank: 1 }] }],
] as const;

describe('appraisal event contracts (cwp.appraisal.*)', () => {
  it('every type follows the naming rules and is published on an appraisal topic', () => {
    expect(appraisalEventContracts.map((c) => c.type).sort()).toEqual(Object.values(APPRAISAL_EVENT_TYPES).sort());
    for (const c of appraisalEventContracts) {
      expect(c.type).toMatch(EVENT_TYPE_PATTERN);
      expect(c.topic).toMatch(TOPIC_PATTERN);
      expect(c.topic.startsWith('cwp.appraisal.')).toBe(true);
    }
  });

  it.each(samples)('$type: a well-formed sample validates', (contract, sample) => {
    const validate = ajv.compile(contract.schema);
    expect(validate(sample)).toBe(true);
  });

  it.each(samples)('$type: closed schema refuses a national ID, phone number, name or rater identity', (contract, sample) => {
    const validate = ajv.compile(contract.schema);
    const nationalId = idBody + nationalIdCheckChar(idBody);
    for (const extra of [{ nationalId }, { phone: '13812345678' }, { name: '张三' }, { raterKey: 'a'.repeat(64) }]) {
      expect(validate({ ...sample, ...extra })).toBe(false);
    }
  });

  it('EXIT-3 cause 1 only: the exit trigger refuses an elected worker, another cause or a single year', () => {
    const validate = ajv.compile(exitTriggeredContract.schema);
    expect(validate({ ...exit, entryRoute: 'elected' })).toBe(false);
    expect(validate({ ...exit, cause: 'serious-breach' })).toBe(false);
    expect(validate({ ...exit, appraisals: [exit.appraisals[0]] })).toBe(false);
  });

  it('APPR-2 grades are a closed set', () => {
    expect(ajv.compile(resultPublishedContract.schema)({ ...published, grade: 'good' })).toBe(false);
  });

  it('workflow ids are business keys', () => {
    expect(performanceRecordWorkflowId(workerId)).toBe(`appraisal-record:${workerId}`);
    expect(appraisalCycleWorkflowId('310101', 2026)).toBe('appraisal-cycle:310101:2026');
  });
});
