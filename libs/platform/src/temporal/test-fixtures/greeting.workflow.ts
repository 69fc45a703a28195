// Test fixture for temporal.module.int-spec.ts: a tiny workflow whose activities are bound from
// a Nest provider. Deterministic code: imports @temporalio/workflow and activity types only.
import {
  ApplicationFailure,
  ActivityFailure,
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GreetingActivities } from './greeting.activities';

const { greet, refuse } = proxyActivities<GreetingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '50 milliseconds', maximumAttempts: 3 },
});

export async function greetingWorkflow(name: string): Promise<string> {
  return greet(name);
}

/** Reports how a DomainError thrown by an activity reached the workflow. */
export async function refusalWorkflow(): Promise<{ type?: string; nonRetryable?: boolean }> {
  try {
    await refuse();
    return {};
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      return { type: error.cause.type ?? undefined, nonRetryable: error.cause.nonRetryable === true };
    }
    throw error;
  }
}

export const addUpdate = defineUpdate<number, [number]>('add');
export const totalQuery = defineQuery<number>('total');

/** Adds what each update sends until the total reaches 100 (bounded updates and queries). */
export async function counterWorkflow(): Promise<number> {
  let total = 0;
  setHandler(addUpdate, (n) => (total += n));
  setHandler(totalQuery, () => total);
  await condition(() => total >= 100);
  return total;
}
