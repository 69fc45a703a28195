/**
 * A Temporal worker SIGKILLed mid-activity (issue 8, faults), for each service's batch activity in
 * the registry (`batchActivity` in support/services.ts): the batch is started through the API, the
 * service (API + worker) is killed once its first chunks committed and is started again; the
 * activity is retried, resumes after the last committed chunk, and the batch finishes with exactly
 * one effect and one event per business key of its synthetic roster: none lost, none twice.
 *
 * The retry comes when the server declares the killed attempt dead: its heartbeat timeout (one
 * minute for payroll, appraisal and workforce, elapsing while the other faults run), or, for an
 * activity whose timeout is longer than the tier can wait (`failKilledAttempt`), the test fails the
 * dead attempt by its id, which is what the timeout would do later. So the suite is three tests
 * per activity: the first kills and begins the restart (the restarts overlap: starting a service
 * is the slow part), the second waits for the restart, the third (registered after the other
 * faults) checks the outcome.
 */
import { ApplicationFailure, Client, Connection } from '@temporalio/client';
import { SERVICES, type BatchActivity } from '../support/services';
import { eventually, type Tier } from '../support/tier';

export interface WorkerKill {
  readonly service: string;
  readonly label: string;
  /**
   * Starts the batch, kills the service mid-activity and begins its restart without waiting for
   * it (the kills' restarts overlap each other and the next faults: a start is the slow part).
   */
  killMidActivity(): Promise<void>;
  /** Waits until the killed service answers /ready again. */
  restarted(): Promise<void>;
  /** Waits for the batch to finish and checks nothing was lost or duplicated. */
  finishesOnce(): Promise<void>;
}

/** One fault per service whose registry entry names a batch activity. */
export function workerKillFaults(tier: Tier, services: string[] = SERVICES.map((s) => s.name)): WorkerKill[] {
  return SERVICES.filter((s) => s.batchActivity && services.includes(s.name)).map((s) => workerKillFault(tier, s.name, s.batchActivity!));
}

function workerKillFault(tier: Tier, service: string, batch: BatchActivity): WorkerKill {
  const prefix = () => `rk${tier.run}`;
  let killedAt = -1;
  let workflowId = '';
  let restart: Promise<unknown> | undefined;

  return {
    service,
    label: batch.label,
    async killMidActivity() {
      const ctx = { tier, schema: tier.definition(service).schema(tier.run), prefix: prefix() };
      workflowId = (await batch.start(ctx)).workflowId;
      killedAt = await eventually(
        async () => {
          const n = await batch.applied(ctx);
          return n > 0 ? n : undefined;
        },
        90_000,
        `${service}: the batch to commit its first chunk`,
        20,
      );
      const proc = tier.process(service);
      proc.child.kill('SIGKILL');
      tier.figures.faults++;
      await eventually(async () => proc.child.exitCode !== null || proc.child.signalCode !== null, 10_000, `${service} to be gone`);
      const atKill = await batch.applied(ctx);
      tier.say(
        `SIGKILL ${service} (worker + API, pid ${proc.child.pid}) mid-activity (${batch.label}): ${atKill} of ${batch.synthetic} keys applied`,
      );
      expect(atKill).toBeLessThan(batch.synthetic);
      const began = performance.now();
      // Awaited by restarted(); a failed start fails that test, not an unhandled rejection here.
      restart = tier.startService(service).then(
        () => tier.say(`${service} restarted in ${Math.round((performance.now() - began) / 1000)} s`),
        (error: unknown) => error,
      );
      if (batch.failKilledAttempt) {
        // The server schedules the retry now; the restarted worker takes it.
        await failPendingActivity(workflowId, `${service} worker SIGKILLed by the reliability tier`);
        tier.say(
          `${service} restarting; the killed attempt of ${workflowId} failed by id (its heartbeat timeout is longer than the tier waits)`,
        );
      } else {
        tier.say(`${service} restarting; the activity of ${workflowId} is retried once its heartbeat times out`);
      }
    },

    async restarted() {
      const outcome = await restart;
      if (outcome instanceof Error) throw outcome;
      expect(restart).toBeDefined();
    },

    async finishesOnce() {
      expect(killedAt).toBeGreaterThan(0);
      const ctx = { tier, schema: tier.definition(service).schema(tier.run), prefix: prefix() };
      await eventually(async () => batch.finished(ctx), 150_000, `${service}: ${batch.label} to finish after the restart`, 500);
      const effects = await batch.effects(ctx);
      tier.say(`${service} ${batch.label} after the kill at ${killedAt}: ${JSON.stringify(effects)} for ${batch.synthetic} synthetic keys`);
      // One effect and one event per key of the synthetic roster (and each follow-up the entry counts): none lost, none twice.
      const once = Object.fromEntries(
        Object.keys({ effects: 0, effectKeys: 0, events: 0, eventKeys: 0, ...effects }).map((k) => [k, batch.synthetic]),
      );
      expect(effects).toEqual(once);
      tier.figures.events += effects.events!;
    },
  };
}

/** Fails the started attempt of the workflow's pending activity (its worker is dead), so the retry policy runs it again now. */
async function failPendingActivity(workflowId: string, reason: string): Promise<void> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    const pending = await eventually(
      async () => (await client.workflow.getHandle(workflowId).describe()).raw.pendingActivities?.[0],
      30_000,
      `the pending activity of ${workflowId}`,
    );
    await client.activity.fail({ workflowId, activityId: pending.activityId! }, ApplicationFailure.retryable(reason, 'WorkerKilled'));
  } finally {
    await connection.close();
  }
}
