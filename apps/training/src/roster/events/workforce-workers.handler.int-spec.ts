/**
 * The workforce worker events over REAL Kafka, PostgreSQL and Temporal's dev server: `hired` puts
 * the worker on the roster and starts the development plan after the commit (WorkflowStarter),
 * once even when delivered twice; `transferred` moves the worker and signals the plan; `exited`
 * ends the row and signals the plan (TRAIN-2), and ends the worker's reserve-cadre candidacy at
 * once (REC-8: row, event, workflow signal).
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { InboxConsumer, KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import {
  WORKER_EVENT_TYPES,
  WORKFORCE_WORKERS_TOPIC,
  developmentPlanWorkflowId,
  reserveCadreWorkflowId,
  type CloudEvent,
} from '@cwp/contracts';
import { createTrainingIntContext, newWorkerId, principalOf, type TrainingIntContext } from '../../testing';

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

const signalsOf = async (workerId: string, workflowId = developmentPlanWorkflowId(workerId)): Promise<string[]> => {
  const history = await ctx.client.workflow.getHandle(workflowId).fetchHistory();
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

  it("REC-8 an exit ends the worker's confirmed reserve-cadre candidacy at once: the row, the event, the review workflow signalled", async () => {
    const workerId = newWorkerId();
    const street = principalOf('street', '310101002');
    const district = principalOf('district', '310101');
    await ctx.hire([{ workerId, unitCode: '310101002001', hiredOn: '2021-03-01' }]);
    expect((await ctx.call('PUT', `/workers/${workerId}/education`, street, { education: 'bachelor' })).status).toBe(200);
    expect(
      (await ctx.call('POST', '/certificates', street, { workerId, kind: 'assistant-social-worker', passedOn: '2025-06-20' })).status,
    ).toBe(201);
    const nominated = await ctx.call('POST', '/cadres', street, {
      workerId,
      targetRole: 'committee-director',
      birthDate: '1994-04-01',
      lastGrade: 'excellent',
      reason: '群众基础好',
      planObjectives: ['主持一个居民区自治项目'],
    });
    expect(nominated.status).toBe(201);
    const cadreId: string = nominated.body.id;
    expect((await ctx.call('POST', `/cadres/${cadreId}/decision`, district, { decision: 'confirm', note: '同意' })).status).toBe(200);

    await publish(
      event(WORKER_EVENT_TYPES.exited, workerId, {
        unitCode: '310101002001',
        exitedOn: '2026-11-30',
        entryRoute: 'recruited',
        cause: 'law',
        rules: ['EXIT-1'],
        version: 2,
      }),
    );
    await testing.eventually(
      async () => ((await ctx.call('GET', `/cadres/${cadreId}`, district)).body.status === 'exited' ? true : undefined),
      30_000,
      'the candidacy ended by the exit',
    );
    const changes = await ctx.ds.query(
      `SELECT envelope->'data'->>'change' AS change, envelope->'data'->>'on' AS on FROM outbox
       WHERE message_key = $1 AND event_type = 'cwp.training.reserve-cadre.changed.v1' ORDER BY seq`,
      [workerId],
    );
    expect(changes).toEqual([
      { change: 'nominated', on: expect.any(String) },
      { change: 'confirmed', on: expect.any(String) },
      { change: 'removed', on: '2026-11-30' },
    ]);
    await testing.eventually(
      async () => ((await signalsOf(workerId, reserveCadreWorkflowId(cadreId))).includes('reserveCadreEnded') ? true : undefined),
      15_000,
      'the end signal in the cadre workflow history',
    );
    const [{ reviews }] = await ctx.ds.query(`SELECT count(*)::int AS reviews FROM reserve_cadre_reviews WHERE cadre_id = $1`, [cadreId]);
    expect(reviews).toBe(0); // ended now, not at the next yearly review point
  });
});
