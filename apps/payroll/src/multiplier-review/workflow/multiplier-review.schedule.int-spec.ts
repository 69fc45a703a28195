/**
 * PAY-4: the four-yearly review's Schedule declaration is accepted by the real Temporal dev server,
 * fires only in every fourth year, and is ensured idempotently (created, then updated in place). A
 * unique schedule id per run keeps the shared server's real `pay-multiplier-review` untouched.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { MULTIPLIER_REVIEW_SCHEDULE_ID, MULTIPLIER_REVIEW_WORKFLOW_TYPE } from '@cwp/contracts';
import { ensureSchedules } from '@cwp/platform';
import { multiplierReviewSchedule } from './multiplier-review.schedule';

describe('PAY-4 multiplier review schedule (real Temporal)', () => {
  let connection: Connection;
  let client: Client;
  const scheduleId = `${MULTIPLIER_REVIEW_SCHEDULE_ID}-it-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  });

  afterAll(async () => {
    await client?.schedule
      .getHandle(scheduleId)
      .delete()
      .catch(() => undefined);
    await connection?.close();
  });

  it('PAY-4: 10 January 09:00 Shanghai of every fourth year from the first; ensured twice = created then updated', async () => {
    const taskQueue = `wf-sched-${randomUUID()}`;
    const declaration = { ...multiplierReviewSchedule(taskQueue, 2032), scheduleId };
    const first = await ensureSchedules(client, [declaration]);
    const second = await ensureSchedules(client, [declaration]);
    expect([first[0]!.outcome, second[0]!.outcome]).toEqual(['created', 'updated']);
    const described = await client.schedule.getHandle(scheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: MULTIPLIER_REVIEW_WORKFLOW_TYPE });
    expect(described.policies.overlap).toBe('SKIP');
    // 09:00 on 10 January in Shanghai (UTC+8) = 01:00 UTC; 2032, then 2036, 2040: never the years between.
    expect(described.info.nextActionTimes.slice(0, 3).map((t) => t.toISOString())).toEqual([
      '2032-01-10T01:00:00.000Z',
      '2036-01-10T01:00:00.000Z',
      '2040-01-10T01:00:00.000Z',
    ]);
  });
});
