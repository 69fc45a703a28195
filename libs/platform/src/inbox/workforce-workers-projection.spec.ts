import type { EntityManager } from 'typeorm';
import { WORKER_EVENT_TYPES, WORKFORCE_WORKERS_TOPIC, type CloudEvent, type WorkerTransferredData } from '@cwp/contracts';
import type { EventHandlerRegistration, InboxConsumer } from './inbox-consumer';
import { projectWorkforceWorkers, type WorkforceWorkersProjection } from './workforce-workers-projection';

const em = {} as EntityManager;
const transferred: WorkerTransferredData = {
  workerId: 'w-1',
  fromUnitCode: '310101002001',
  toUnitCode: '310101013001',
  transferredOn: '2026-05-01',
  version: 2,
};
const event = (type: string, data: unknown): CloudEvent<unknown> =>
  ({ id: `e-${type}`, type, source: '/cwp/workforce', subject: 'w-1', data }) as CloudEvent<unknown>;

function registered(projection: Partial<WorkforceWorkersProjection<string>>): EventHandlerRegistration<unknown, unknown> {
  let registration: EventHandlerRegistration<unknown, unknown> | undefined;
  const inbox = { registerEventHandler: (r: EventHandlerRegistration<unknown, unknown>) => void (registration = r) };
  projectWorkforceWorkers(inbox as unknown as InboxConsumer, 'svc.workforce-workers', projection as WorkforceWorkersProjection<string>);
  return registration!;
}

describe('projectWorkforceWorkers', () => {
  it('registers the three worker events of the workforce topic under the consumer', () => {
    const r = registered({});
    expect(r).toMatchObject({ consumer: 'svc.workforce-workers', topic: WORKFORCE_WORKERS_TOPIC });
    expect([...r.types].sort()).toEqual([WORKER_EVENT_TYPES.exited, WORKER_EVENT_TYPES.hired, WORKER_EVENT_TYPES.transferred].sort());
  });

  it('a transfer the projection applied runs its after-commit step with the event data; one it did not apply runs nothing', async () => {
    const after = jest.fn(async () => undefined);
    const r = registered({ transferred: async () => true, afterTransferred: after });
    const effect = await r.handle(em, event(WORKER_EVENT_TYPES.transferred, transferred));
    await r.afterCommit!(effect, event(WORKER_EVENT_TYPES.transferred, transferred));
    expect(after).toHaveBeenCalledWith(transferred);

    const unchanged = registered({ transferred: async () => false, afterTransferred: after });
    expect(await unchanged.handle(em, event(WORKER_EVENT_TYPES.transferred, transferred))).toBeNull();
  });

  it('an event that breaks its contract is skipped (null effect) without touching the projection', async () => {
    const transferredWrite = jest.fn(async () => true);
    const r = registered({ transferred: transferredWrite });
    expect(await r.handle(em, event(WORKER_EVENT_TYPES.transferred, { ...transferred, toUnitCode: 'nowhere' }))).toBeNull();
    expect(transferredWrite).not.toHaveBeenCalled();
  });
});
