// /metrics of a real service app (HTTP, PostgreSQL, Kafka, Temporal dev server): scrape, act,
// scrape again and assert that the series moved (issue 9 §2).
import { Client } from '@temporalio/client';
import { eventually } from '../testing';
import { EVENT_PUBLISHER, type EventPublisher } from '../kafka/kafka.types';
import { uniqueName } from '../testing';
import { OutboxRelay } from '../outbox/outbox-relay';
import { startOpsServiceApp, thingContract, type OpsServiceApp } from '../operations/test-fixtures/ops-service-app';
import type { GreetingActivities } from '../temporal/test-fixtures/greeting.activities';
import type { greetingWorkflow } from '../temporal/test-fixtures/greeting.workflow';
import { sampleValue } from './prometheus-text';

jest.setTimeout(120_000);

describe('GET /metrics (real service app)', () => {
  let svc: OpsServiceApp;
  let token: string;
  const taskQueue = uniqueName('it-metrics');

  beforeAll(async () => {
    svc = await startOpsServiceApp({
      prefix: 'metrics-it',
      temporal: {
        taskQueue,
        workflows: { workflowsPath: require.resolve('../temporal/test-fixtures/greeting.workflow') },
        activities: () => {
          const activities: GreetingActivities = { greet: async (name) => `Hello, ${name}`, refuse: async () => undefined };
          return { ...activities };
        },
        exitOnWorkerFailure: false,
      },
    });
    token = await svc.token('city');
  });

  afterAll(async () => svc?.close());

  const scrape = async (): Promise<string> => {
    const res = await svc.call('GET', '/metrics');
    expect(res.status).toBe(200);
    return res.text;
  };
  const topic = () => thingContract(svc.service).topic;

  it('is public, outside the API prefix, and carries process metrics', async () => {
    const text = await scrape();
    expect(sampleValue(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('HTTP latency by route template and status, relay publishes, inbox outcomes and consumer lag move', async () => {
    const route = `/api/${svc.service}/things`;
    const before = await scrape();
    expect(sampleValue(before, 'cwp_http_request_duration_seconds_count', { route, status: '201' }) ?? 0).toBe(0);

    for (const id of ['m-1', 'm-2'])
      expect((await svc.call('POST', `/api/${svc.service}/things`, { token, body: { id, key: id } })).status).toBe(201);
    expect((await svc.call('POST', `/api/${svc.service}/things`, { token, body: { id: 'BAD ID', key: 'x' } })).status).toBe(400);

    // The consumer may handle an event before the relay's transaction commits (publish comes first),
    // so wait for both sides: handled by the inbox, and marked published (counter, backlog).
    const after = await eventually(
      async () => {
        const text = await scrape();
        const handled = sampleValue(text, 'cwp_inbox_messages_total', { consumer: svc.consumer, outcome: 'handled' });
        const published = sampleValue(text, 'cwp_outbox_relay_published_total', { topic: topic() });
        return handled === 2 && published === 2 && sampleValue(text, 'cwp_outbox_backlog_rows') === 0 ? text : undefined;
      },
      20_000,
      'two events published and handled',
    );
    expect(sampleValue(after, 'cwp_http_request_duration_seconds_count', { method: 'POST', route, status: '201' })).toBe(2);
    expect(sampleValue(after, 'cwp_http_request_duration_seconds_count', { method: 'POST', route, status: '400' })).toBe(1);
    expect(sampleValue(after, 'cwp_outbox_relay_published_total', { topic: topic() })).toBe(2);
    expect(sampleValue(after, 'cwp_outbox_backlog_rows')).toBe(0);
    expect(sampleValue(after, 'cwp_outbox_oldest_unpublished_age_seconds')).toBe(0);
    // Lag per partition is reported for the group; committed after each handled event, so it drains to 0.
    await eventually(
      async () => {
        const text = await scrape();
        const partitions = [0, 1, 2].map((p) =>
          sampleValue(text, 'cwp_kafka_consumer_lag', { group: svc.consumer, topic: topic(), partition: String(p) }),
        );
        return partitions.every((lag) => lag === 0) ? true : undefined;
      },
      15_000,
      'consumer lag 0 on every partition',
    );
  });

  it('counts a redelivered event as a duplicate skipped, not handled twice', async () => {
    const [row] = (await svc.schema.query("SELECT message_key, envelope FROM outbox WHERE message_key = 'm-1'")) as Array<{
      message_key: string;
      envelope: unknown;
    }>;
    await svc.app.get<EventPublisher>(EVENT_PUBLISHER).publish(topic(), [{ key: row!.message_key, value: JSON.stringify(row!.envelope) }]);
    const text = await eventually(
      async () => {
        const t = await scrape();
        return sampleValue(t, 'cwp_inbox_duplicates_skipped_total', { consumer: svc.consumer }) === 1 ? t : undefined;
      },
      15_000,
      'duplicate counted',
    );
    expect(sampleValue(text, 'cwp_inbox_messages_total', { consumer: svc.consumer, outcome: 'handled' })).toBe(2);
  });

  it('shows the outbox backlog (rows, oldest age) while the relay is stopped, and its drain after', async () => {
    const relay = svc.app.get(OutboxRelay);
    await relay.stop();
    try {
      expect((await svc.call('POST', `/api/${svc.service}/things`, { token, body: { id: 'm-3', key: 'm-3' } })).status).toBe(201);
      const stuck = await eventually(
        async () => {
          const text = await scrape();
          return (sampleValue(text, 'cwp_outbox_oldest_unpublished_age_seconds') ?? 0) > 0 ? text : undefined;
        },
        10_000,
        'backlog age above 0',
      );
      expect(sampleValue(stuck, 'cwp_outbox_backlog_rows')).toBe(1);
    } finally {
      await relay.start();
    }
    await eventually(
      async () => (sampleValue(await scrape(), 'cwp_outbox_backlog_rows') === 0 ? true : undefined),
      15_000,
      'backlog drained',
    );
  });

  it('exposes the Temporal SDK worker metrics (Runtime telemetry buffer) on the same endpoint', async () => {
    const client = svc.app.get(Client);
    await client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
      taskQueue,
      workflowId: uniqueName('metrics-greeting'),
      args: ['Xu Hui'],
    });
    await eventually(
      async () => {
        const text = await scrape();
        const activities = sampleValue(text, 'temporal_activity_execution_latency_count', { task_queue: taskQueue });
        const workflows = sampleValue(text, 'temporal_workflow_completed', { task_queue: taskQueue });
        return (activities ?? 0) >= 1 && (workflows ?? 0) >= 1 ? true : undefined;
      },
      20_000,
      'temporal activity and workflow series for the task queue',
    );
  });
});
