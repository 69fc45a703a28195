/**
 * The whole entry life cycle with nothing doubled: the real workflow bundle on Temporal's
 * time-skipping test server, the real activities bound to EntryEndings, and the real PostgreSQL
 * (a throw-away schema). A 2-year entry registered through the service expires in seconds of test
 * time: reminded, then its personal data erased, with both events in the outbox (POOL-2).
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TALENT_POOL_EVENT_TYPES } from '@cwp/contracts';
import { createTimeSkippingEnv, bundleWorkflowsFromSources } from '@cwp/test-support';
import { createEntriesIntContext, streetPrincipal, type EntriesIntContext } from '../testing/entries-int-context';
import { newRegistration } from '../testing/entry.builders';
import { createEntryActivities } from './entry.activities';

const taskQueue = `tp-lifecycle-${randomUUID()}`;
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let ctx: EntriesIntContext;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  bundle = await bundleWorkflowsFromSources('workflows/talent-pool/src/index.ts');
}, 120_000);

// A fresh test server per test: the service computes expiry from the real clock, while a
// finished test leaves the server's clock years ahead.
beforeEach(async () => {
  env = await createTimeSkippingEnv();
  ctx = await createEntriesIntContext('tp_lifecycle_wf', {
    temporal: { connection: env.connection, client: env.client, taskQueue, searchAttributes: false },
  });
}, 60_000);

afterEach(async () => {
  await ctx?.close();
  await env?.teardown();
});

async function outboxTypes(id: string): Promise<string[]> {
  const rows = (await ctx.ds.query('SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY seq', [id])) as Array<{
    event_type: string;
  }>;
  return rows.map((r) => r.event_type);
}

it('POOL-2 a 24-month entry is reminded, then removed at expiry: personal data erased, statistics kept', async () => {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: createEntryActivities(ctx.endings),
  });
  await worker.runUntil(async () => {
    const entry = await ctx.entries.register(newRegistration({ reservePeriodMonths: 24 }), streetPrincipal());
    const outcome = await env.client.workflow.getHandle(entry.workflowId).result();
    expect(outcome).toMatchObject({ status: 'expired', endedBy: 'timer', changedByWorkflow: true });

    const [row] = (await ctx.ds.query(
      'SELECT status, name, national_id_enc, phone_enc, person_ref, source, holding_unit, reminded_for FROM entries WHERE id = $1',
      [entry.id],
    )) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({
      status: 'expired',
      name: null,
      national_id_enc: null,
      phone_enc: null,
      person_ref: null,
      source: 'student',
      holding_unit: '310104003',
    });
    expect(row!.reminded_for).not.toBeNull();
    expect(await outboxTypes(entry.id)).toEqual([
      TALENT_POOL_EVENT_TYPES.registered,
      TALENT_POOL_EVENT_TYPES.expiring,
      TALENT_POOL_EVENT_TYPES.expired,
    ]);
  });
});

it('POOL-3 joining through the service before expiry ends the workflow as joined; no expiry follows', async () => {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: createEntryActivities(ctx.endings),
  });
  await worker.runUntil(async () => {
    const entry = await ctx.entries.register(newRegistration({ reservePeriodMonths: 12 }), streetPrincipal());
    await ctx.endings.join(entry.id, { workerId: 'w-7' }, streetPrincipal());
    const outcome = await env.client.workflow.getHandle(entry.workflowId).result();
    expect(outcome).toMatchObject({ status: 'joined', endedBy: 'signal' });
    expect(await outboxTypes(entry.id)).toEqual([TALENT_POOL_EVENT_TYPES.registered, TALENT_POOL_EVENT_TYPES.joined]);
  });
});
