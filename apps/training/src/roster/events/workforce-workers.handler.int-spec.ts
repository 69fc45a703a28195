/**
 * The workforce worker events over REAL Kafka, PostgreSQL and Temporal's dev server: `hired` puts
 * the worker on the roster and starts the development plan after the commit (WorkflowStarter),
 * once even when delivered twice; `transferred` moves the worker and signals the plan; `exited`
 * ends the row and signals the plan (TRAIN-2).
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { InboxConsumer, KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import { WORKER_EVENT_TYPES, WORKFORCE_WORKERS_TOPIC, developmentPlanWorkflowId, type CloudEvent } from '@cwp/contracts';
import { createTrainingIntContext, newWorkerId, type TrainingIntContext } from '../../testing';

jest.setTimeout(90_000);

let ctx: TrainingIntContext;
let kafka: Kafka;
let publisher: KafkaJsPublisher;

beforeAll(async () => {
  ctx = await createTrainingIntContext('training_workers_it', { inbox: { fromBeginning: true, minBackoffMs: 50, maxBackoffMs: 500 } });
  kafka = createKafka({ clientId: ctx.settings.workersConsumer, brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [WORKFORCE_WORKERS_TOPIC]);
  publisher = new KafkaJsPublisher(kafka);
  // A fresh consumer group reading from the beginning: nothing published before it joins is missed.
  await ctx.get(InboxConsumer).start();
}, 90_000);

afterAll(async () => {
  await publisher?.disconnect();
  await ctx?.close();
});

function event(type: string, workerId: string, data: Record<string, unknown>): CloudEvent<Record<string, unknown>> {
  return {
    id: randomUUID(),
    source: '/cwp/workforce',
    type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: workerId,
    data: { workerId, ...data },
  };
}

const publish = (...events: CloudEvent<Record<string, unknown>>[]) =>
  publisher.publish(
    WORKFORCE_WORKERS_TOPIC,
    events.map((e) => ({ key: e.subject!, value: JSON.stringify(e) })),
  );

const rowOf = async (workerId: string) =>
  (
    (await ctx.ds.query('SELECT unit_code, status, workflow_started_at FROM trainees WHERE worker_id = $1', [workerId])) as Array<{
      unit_code: string;
      status: string;
      workflow_started_at: Date | null;
    }>
  )[0];

const signalsOf = async (workerId: string): Promise<string[]> => {
  const history = await ctx.client.workflow.getHandle(developmentPlanWorkflowId(workerId)).fetchHistory();
  return (history.events ?? []).flatMap((e) =>
    e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName!] : [],
  );
};

describe('cwp.workforce.worker.* consumer (TRAIN-2)', () => {
  it('TRAIN-2 a hire (delivered twice) starts one development plan; a transfer moves it; an exit ends the row and signals the plan', async () => {
    const workerId = newWorkerId();
    const hired = event(WORKER_EVENT_TYPES.hired, workerId, {
      unitCode: '310101002001',
      hiredOn: '2026-09-01',
      entryRoute: 'recruited',
      postCategory: 'staff',
    });
    await publish(hired, hired);
    await testing.eventually(
      async () => ((await rowOf(workerId))?.workflow_started_at ? true : undefined),
      30_000,
      'the plan workflow started',
    );
    const description = await ctx.client.workflow.getHandle(developmentPlanWorkflowId(workerId)).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('developmentPlanWorkflow');
    const inbox = await ctx.ds.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [hired.id]);
    expect(inbox[0].n).toBe(1);

    await publish(
      event(WORKER_EVENT_TYPES.transferred, workerId, {
        fromUnitCode: '310101002001',
        toUnitCode: '310104003',
        transferredOn: '2026-10-01',
        version: 2,
      }),
      event(WORKER_EVENT_TYPES.exited, workerId, {
        unitCode: '310104003',
        exitedOn: '2026-11-30',
        entryRoute: 'recruited',
        cause: 'law',
        rules: ['EXIT-1'],
        version: 3,
      }),
    );
    await testing.eventually(async () => ((await rowOf(workerId))?.status === 'exited' ? true : undefined), 30_000, 'the exit recorded');
    expect((await rowOf(workerId))!.unit_code).toBe('310104003');
    await testing.eventually(
      async () => ((await signalsOf(workerId)).includes('planWorkerExited') ? true : undefined),
      15_000,
      'the exit signal in the plan history',
    );
    expect(await signalsOf(workerId)).toEqual(['planTransferred', 'planWorkerExited']);
  });
});
