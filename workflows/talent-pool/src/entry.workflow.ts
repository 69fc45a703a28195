/**
 * One workflow per talent-pool entry (id `talent-pool-entry:<entryId>`): the durable timer of its
 * reserve period (POOL-2). It reminds `reminderDays` before the end, and at the end has the entry
 * removed. A join (POOL-3) or withdrawal signal ends it early. The database row is the state and
 * the activities are idempotent, so a lost signal only means the expire activity finds the row
 * already ended and changes nothing.
 */
import { condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  entryJoinedSignal,
  entryStateQuery,
  entryWithdrawnSignal,
  rescheduleExpiryUpdate,
  type TalentPoolEntryOutcome,
  type TalentPoolEntryWorkflowInput,
  type TalentPoolEntryWorkflowState,
} from '@cwp/contracts';
import type { TalentPoolEntryActivities } from './activities';

const DAY_MS = 24 * 60 * 60 * 1000;

const activities = proxyActivities<TalentPoolEntryActivities>({
  startToCloseTimeout: '1 minute',
  // Transient failures (database down) retry for as long as it takes: the entry must end.
  // Business-rule failures come back as non-retryable ApplicationFailures from the activities.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function talentPoolEntryWorkflow(input: TalentPoolEntryWorkflowInput): Promise<TalentPoolEntryOutcome> {
  let expiresOn = input.expiresOn;
  let expiresAt = Date.parse(input.expiresAt);
  let reminderSent = false;
  let rescheduled = false;
  let expiring = false;
  let outcome: TalentPoolEntryOutcome | null = null;
  let phase: TalentPoolEntryWorkflowState['phase'] = 'waiting-for-reminder';

  const remindAt = (): number => expiresAt - input.reminderDays * DAY_MS;
  const state = (): TalentPoolEntryWorkflowState => ({
    phase,
    expiresAt: new Date(expiresAt).toISOString(),
    remindAt: new Date(remindAt()).toISOString(),
    reminderSent,
    outcome,
  });
  const endBySignal = (status: 'joined' | 'withdrawn', endedOn: string): void => {
    // The first ending wins; a later signal (or one after the timer fired) changes nothing.
    outcome ??= { status, endedBy: 'signal', changedByWorkflow: false, endedOn };
  };

  setHandler(entryJoinedSignal, ({ joinedOn }) => endBySignal('joined', joinedOn));
  setHandler(entryWithdrawnSignal, ({ withdrawnOn }) => endBySignal('withdrawn', withdrawnOn));
  setHandler(entryStateQuery, state);
  setHandler(
    rescheduleExpiryUpdate,
    ({ expiresOn: newExpiresOn, expiresAt: newExpiresAt }) => {
      expiresOn = newExpiresOn;
      expiresAt = Date.parse(newExpiresAt);
      // A later end earns a new reminder (the activity is idempotent per expiresOn).
      if (remindAt() > Date.now()) reminderSent = false;
      rescheduled = true;
      return state();
    },
    {
      validator: ({ expiresAt: newExpiresAt }) => {
        if (outcome !== null || expiring) throw new Error('The entry has already ended');
        if (Number.isNaN(Date.parse(newExpiresAt))) throw new Error('expiresAt is not an ISO-8601 instant');
      },
    },
  );

  /** Waits until `at`, an ending signal or a reschedule; true when the time was reached. */
  const waitUntil = async (at: number): Promise<boolean> => {
    rescheduled = false;
    const ms = at - Date.now();
    if (ms <= 0) return outcome === null;
    const interrupted = await condition(() => outcome !== null || rescheduled, ms);
    return !interrupted;
  };

  for (;;) {
    if (outcome !== null) break;
    if (!reminderSent && Date.now() < expiresAt) {
      phase = 'waiting-for-reminder';
      if (!(await waitUntil(remindAt()))) continue;
      const remindedFor = expiresOn;
      const { sent } = await activities.sendExpiryReminder({
        entryId: input.entryId,
        expiresOn: remindedFor,
        reminderDays: input.reminderDays,
      });
      // A reschedule that arrived meanwhile asked for a reminder for its own date: keep it pending.
      if (expiresOn === remindedFor) reminderSent = true;
      log.info('talent-pool entry reminder', { entryId: input.entryId, sent });
      continue;
    }
    phase = 'waiting-for-expiry';
    if (!(await waitUntil(expiresAt))) continue;
    expiring = true;
    const result = await activities.expireEntry({ entryId: input.entryId });
    outcome = { status: result.status, endedBy: 'timer', changedByWorkflow: result.changed, endedOn: result.endedOn };
  }

  phase = 'ended';
  log.info('talent-pool entry workflow ended', { entryId: input.entryId, status: outcome.status, endedBy: outcome.endedBy });
  return outcome;
}
