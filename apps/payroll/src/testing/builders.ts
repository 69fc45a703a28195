/** Small builders for payroll specs: workforce events as the workforce service publishes them. */
import { randomUUID } from 'node:crypto';
import {
  WORKER_EVENT_TYPES,
  type CloudEvent,
  type WorkerChangedData,
  type WorkerExitedData,
  type WorkerHiredData,
  type WorkerTransferredData,
} from '@cwp/contracts';

export function workforceEvent<T extends { workerId: string }>(type: string, data: T): CloudEvent<T> {
  return {
    id: randomUUID(),
    source: '/cwp/workforce',
    type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: data.workerId,
    data,
  };
}

export function newHired(overrides: Partial<WorkerHiredData> = {}): CloudEvent<WorkerHiredData> {
  return workforceEvent(WORKER_EVENT_TYPES.hired, {
    workerId: randomUUID(),
    unitCode: '310101002001',
    hiredOn: '2018-03-01',
    entryRoute: 'recruited',
    postCategory: 'staff',
    postLevel: 3,
    ...overrides,
  });
}

export function changedOf(hired: WorkerHiredData, overrides: Partial<WorkerChangedData> = {}): CloudEvent<WorkerChangedData> {
  return workforceEvent(WORKER_EVENT_TYPES.changed, {
    workerId: hired.workerId,
    unitCode: hired.unitCode,
    changedOn: '2026-06-01',
    reason: 'post-change',
    changedFields: ['postLevel'],
    postCategory: hired.postCategory,
    postLevel: (hired.postLevel ?? 1) + 1,
    postRole: null,
    title: null,
    role: 'staff',
    status: 'on-duty',
    version: 2,
    ...overrides,
  });
}

export function transferredOf(hired: WorkerHiredData, toUnitCode: string, version: number): CloudEvent<WorkerTransferredData> {
  return workforceEvent(WORKER_EVENT_TYPES.transferred, {
    workerId: hired.workerId,
    fromUnitCode: hired.unitCode,
    toUnitCode,
    transferredOn: '2026-07-01',
    version,
  });
}

export function exitedOf(hired: WorkerHiredData, version: number): CloudEvent<WorkerExitedData> {
  return workforceEvent(WORKER_EVENT_TYPES.exited, {
    workerId: hired.workerId,
    unitCode: hired.unitCode,
    exitedOn: '2026-08-31',
    entryRoute: hired.entryRoute,
    cause: 'law',
    rules: ['EXIT-3'],
    version,
  });
}
