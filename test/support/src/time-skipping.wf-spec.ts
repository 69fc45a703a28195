// Smoke test of the local time-skipping test server (infra/local/bin/temporal-test-server):
// durable timers of a year complete in seconds, so workflow specs can test long waits.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv, testServerPath } from './time-skipping';
import { sleepForDays } from './fixtures/sleepy.workflow';

describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  const taskQueue = `time-skipping-smoke-${randomUUID()}`;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/sleepy.workflow'),
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('completes a workflow that sleeps 365 days in seconds of wall-clock time', async () => {
    const startedAt = Date.now();
    const serverTimeBefore = await env.currentTimeMs();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleepForDays, { args: [365], taskQueue, workflowId: `sleepy-${randomUUID()}` }),
    );
    const serverTimeAfter = await env.currentTimeMs();

    expect(result).toBe('slept 365 days');
    expect(serverTimeAfter - serverTimeBefore).toBeGreaterThanOrEqual(365 * 24 * 3600 * 1000);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
  });

  it('explains what to do when the stack has not written TEMPORAL_TEST_SERVER_PATH', () => {
    expect(() => testServerPath({})).toThrow(/infra\/local\/stack\.sh up/);
  });
});
