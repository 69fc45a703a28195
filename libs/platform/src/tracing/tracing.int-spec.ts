// One trace from an HTTP request through the outbox and Kafka into another service's consumer and
// on into a Temporal workflow's activity (issue 9 §2). Two real service apps on PostgreSQL, Kafka
// and the Temporal dev server; spans are exported over OTLP/HTTP (the real exporter) to a small
// OTLP receiver on loopback, and the test asserts one trace id links request, effect and activity.
import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { Client } from '@temporalio/client';
import { eventually } from '../testing';
import { uniqueName } from '../testing';
import { startOpsServiceApp, type OpsServiceApp } from '../operations/test-fixtures/ops-service-app';
import type { GreetingActivities } from '../temporal/test-fixtures/greeting.activities';
import type { greetingWorkflow } from '../temporal/test-fixtures/greeting.workflow';
import { startOtlpReceiver, type OtlpReceiver } from '@cwp/test-support';
import { flushTracing, initTracing } from './tracing';

jest.setTimeout(180_000);

describe('one trace: HTTP request → outbox → Kafka → other service → Temporal activity', () => {
  let receiver: OtlpReceiver;
  let producer: OpsServiceApp;
  let consumer: OpsServiceApp;
  const activityTraceIds = new Map<string, string | undefined>();
  const taskQueue = uniqueName('it-tracing');

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    initTracing('tracing-it', { otlpTracesUrl: receiver.tracesUrl });
    producer = await startOpsServiceApp({ prefix: 'trace-a', logLevel: 'info' });
    consumer = await startOpsServiceApp({
      prefix: 'trace-b',
      consumes: producer.service,
      logLevel: 'info',
      temporal: {
        taskQueue,
        workflows: { workflowsPath: require.resolve('../temporal/test-fixtures/greeting.workflow') },
        activities: () => {
          const activities: GreetingActivities = {
            greet: async (name) => {
              activityTraceIds.set(name, trace.getActiveSpan()?.spanContext().traceId);
              return `Hello, ${name}`;
            },
            refuse: async () => undefined,
          };
          return { ...activities };
        },
        exitOnWorkerFailure: false,
      },
    });
    // The consumer's effect records the trace it ran in; after the commit it starts a workflow.
    consumer.behaviour.onHandle = () => trace.getActiveSpan()?.spanContext().traceId;
    consumer.behaviour.afterCommit = async (event) => {
      await consumer.app.get(Client).workflow.start<typeof greetingWorkflow>('greetingWorkflow', {
        taskQueue,
        workflowId: `trace-it-${event.data.thingId}`,
        args: [event.data.thingId],
      });
    };
  });

  afterAll(async () => {
    await consumer?.close();
    await producer?.close();
    await flushTracing();
    await receiver?.close();
  });

  it('links the request, the consumer effect in the other service and the workflow activity by one trace id', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const thingId = `t-${randomBytes(3).toString('hex')}`;
    const res = await producer.call('POST', `/api/${producer.service}/things`, {
      token: await producer.token('city'),
      body: { id: thingId, key: thingId },
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    expect(res.status).toBe(201);

    // The outbox row holds the request's trace context.
    const [row] = (await producer.schema.query('SELECT trace_context FROM outbox WHERE message_key = $1', [thingId])) as Array<{
      trace_context: { traceparent: string };
    }>;
    expect(row!.trace_context.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // The other service's effect ran in the same trace; so did the activity of the workflow it started.
    const [seen] = await eventually(
      async () => {
        const rows = (await consumer.schema.query('SELECT trace_id FROM seen WHERE thing_id = $1', [thingId])) as Array<{
          trace_id: string;
        }>;
        return rows.length ? rows : undefined;
      },
      30_000,
      'consumer effect',
    );
    expect(seen!.trace_id).toBe(traceId);
    await eventually(async () => (activityTraceIds.has(thingId) ? true : undefined), 60_000, 'workflow activity');
    expect(activityTraceIds.get(thingId)).toBe(traceId);

    // The exported spans: each hop is a child of the one before, all in the caller's trace.
    await flushTracing();
    const consumedName = `process cwp.${producer.service}.things`;
    const spans = await eventually(
      async () => {
        await flushTracing();
        const mine = receiver.spans.filter((s) => s.traceId === traceId);
        const complete = mine.some((s) => s.name === 'RunActivity:greet') && mine.filter((s) => s.name === consumedName).length >= 2;
        return complete ? mine : undefined;
      },
      30_000,
      'exported spans of the trace',
    );
    const named = (name: string) => {
      const span = spans.find((s) => s.name === name);
      if (!span) throw new Error(`no span ${name} in ${spans.map((s) => s.name).join(', ')}`);
      return span;
    };
    const request = named(`POST /api/${producer.service}/things`);
    const publish = named(`publish cwp.${producer.service}.things`);
    const consumed = spans.filter((s) => s.name === consumedName);
    expect(request.parentSpanId).toBe(callerSpanId);
    expect(publish.parentSpanId).toBe(request.spanId);
    // Both services consume the topic (the producer projects its own things too): each span is a child of the publish.
    expect(consumed.length).toBeGreaterThanOrEqual(2);
    for (const span of consumed) expect(span.parentSpanId).toBe(publish.spanId);
    expect(named('StartWorkflow:greetingWorkflow')).toBeDefined();
    expect(named('RunActivity:greet')).toBeDefined();

    // Log lines keep the trace id: the access log of the request and the consumer's handler line.
    // (Nest routes static loggers to the last application created in a process, so the lines of
    // both apps of this test land in the second one's capture; a service process has one app.)
    const lines = [...producer.logLines(), ...consumer.logLines()];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'request', method: 'POST', path: `/api/${producer.service}/things`, traceId }),
        expect.objectContaining({ msg: 'thing handled', thingId, traceId }),
      ]),
    );
  });
});
