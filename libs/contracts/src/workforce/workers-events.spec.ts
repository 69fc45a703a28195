import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN } from '../cloudevent';
import {
  WORKER_EVENT_TYPES,
  workerChangedContract,
  workerExitedContract,
  workerTransferredContract,
  workforceWorkerEventContracts,
  type WorkerChangedData,
  type WorkerExitedData,
  type WorkerTransferredData,
} from './workers-events';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
const workerId = '6f1c2a9e-8d43-4c1b-9a55-0e7d3f2b4c11';

const changed: WorkerChangedData = {
  workerId,
  unitCode: '310101002001',
  changedOn: '2026-11-24',
  reason: 'title-promotion',
  changedFields: ['title'],
  postCategory: 'staff',
  postLevel: 5,
  postRole: null,
  title: 'intermediate',
  role: 'staff',
  status: 'on-duty',
  version: 2,
};
const transferred: WorkerTransferredData = {
  workerId,
  fromUnitCode: '310101002001',
  toUnitCode: '310101002',
  transferredOn: '2026-11-24',
  version: 3,
};
const exited: WorkerExitedData = {
  workerId,
  unitCode: '310101002',
  exitedOn: '2026-12-31',
  entryRoute: 'recruited',
  cause: 'serious-breach',
  rules: ['ORG-3', 'EXIT-3'],
  version: 4,
};

describe('worker event contracts (cwp.workforce.workers)', () => {
  it('all four types share the workers topic and follow the naming rules', () => {
    expect(workforceWorkerEventContracts.map((c) => c.type).sort()).toEqual(Object.values(WORKER_EVENT_TYPES).sort());
    for (const c of workforceWorkerEventContracts) {
      expect(c.topic).toBe('cwp.workforce.workers');
      expect(c.type).toMatch(EVENT_TYPE_PATTERN);
      expect(c.topic).toMatch(TOPIC_PATTERN);
    }
  });

  it.each([
    [workerChangedContract, changed],
    [workerTransferredContract, transferred],
    [workerExitedContract, exited],
  ] as const)('$type: a well-formed sample validates', (contract, sample) => {
    const validate = ajv.compile(contract.schema);
    expect(validate(sample)).toBe(true);
  });

  it.each([
    [workerChangedContract, changed],
    [workerTransferredContract, transferred],
    [workerExitedContract, exited],
  ] as const)('$type: closed schema refuses a national ID, phone number, name or person reference', (contract, sample) => {
    const validate = ajv.compile(contract.schema);
    for (const extra of [
      { nationalId: '11010519491231002X' },
      { phone: '13812345678' },
      { name: '张三' },
      { personRef: 'a'.repeat(64) },
      { birthDate: '1990-01-01' },
    ]) {
      expect(validate({ ...sample, ...extra })).toBe(false);
    }
  });

  it('EXIT causes are a closed set: an unknown cause is refused', () => {
    expect(ajv.compile(workerExitedContract.schema)({ ...exited, cause: 'felt-like-it' })).toBe(false);
  });

  it('a changed event must name at least one changed field, from the known ones', () => {
    const validate = ajv.compile(workerChangedContract.schema);
    expect(validate({ ...changed, changedFields: [] })).toBe(false);
    expect(validate({ ...changed, changedFields: ['name'] })).toBe(false);
  });
});
