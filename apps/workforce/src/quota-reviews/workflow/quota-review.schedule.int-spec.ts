/**
 * QUOTA-5: the yearly review's Schedule declaration is accepted by the real Temporal dev server and
 * ensured idempotently (created, then updated in place). A unique schedule id per run keeps the
 * shared server's real `quota-review-yearly` untouched.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { QUOTA_REVIEW_SCHEDULE_ID, QUOTA_REVIEW_YEARLY_WORKFLOW_TYPE } from '@cwp/contracts';
import { ensureSchedules } from '@cwp/platform';
import { quotaReviewSchedule } from './quota-review.schedule';

describe('quota review schedule (real Temporal)', () => {
  let connection: Connection;
  let client: Client;
  const scheduleId = `${QUOTA_REVIEW_SCHEDULE_ID}-it-${randomUUID()}`;

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

  it('every 1 January in Shanghai, starting the yearly workflow with the decision period; ensured twice = created then updated', async () => {
    const declaration = { ...quotaReviewSchedule(`wf-sched-${randomUUID()}`, '0 0 1 1 *', 30), scheduleId };
    const first = await ensureSchedules(client, [declaration]);
    const second = await ensureSchedules(client, [{ ...declaration, action: { ...declaration.action, args: [{ decisionDays: 45 }] } }]);
    expect([first[0]!.outcome, second[0]!.outcome]).toEqual(['created', 'updated']);
    const described = await client.schedule.getHandle(scheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: QUOTA_REVIEW_YEARLY_WORKFLOW_TYPE,
      args: [{ decisionDays: 45 }],
    });
    const next = described.info.nextActionTimes[0]!;
    // 00:00 on 1 January, Shanghai (UTC+8) = 16:00 UTC on 31 December.
    expect(next.toISOString()).toMatch(/-12-31T16:00:00\.000Z$/);
    expect(described.policies.overlap).toBe('SKIP');
  });
});
