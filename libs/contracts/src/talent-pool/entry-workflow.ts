/**
 * The contract between the talent-pool API and its entry workflow: input, signals, query and
 * update are defined once here and imported by both sides (defineSignal & co. are pure).
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * Workflow input: ids and dates only, NEVER personal data (histories are stored in clear).
 * Dates are ISO `YYYY-MM-DD`; instants are ISO-8601 with offset.
 */
export interface TalentPoolEntryWorkflowInput {
  entryId: string;
  holdingUnit: string;
  registeredOn: string;
  expiresOn: string;
  /** The instant the reserve period ends (POOL-2): the durable timer fires here. */
  expiresAt: string;
  /** `pool.expiryReminderDays` in force at registration: the reminder fires this long before expiresAt. */
  reminderDays: number;
}

/**
 * How the workflow ended. `endedBy: 'signal'` = the API or the hired-event handler ended the
 * entry first (POOL-3 or withdrawal); `'timer'` = the reserve period ran out (POOL-2) and the
 * expire activity reported the row's final status (it may find the row already joined/withdrawn
 * when a signal was lost, and then changes nothing).
 */
export interface TalentPoolEntryOutcome {
  status: 'expired' | 'joined' | 'withdrawn';
  endedBy: 'signal' | 'timer';
  /** Whether the expire activity changed the row (false when it found the entry already ended). */
  changedByWorkflow: boolean;
  endedOn: string | null;
}

export interface EntryJoinedSignal {
  joinedOn: string;
}
export interface EntryWithdrawnSignal {
  withdrawnOn: string;
}

/**
 * POOL-3: the candidate joined the workforce. Sent by the API after its transaction committed the
 * row change (the row is the state; the signal only stops the timer). Ignored once the workflow ended.
 */
export const entryJoinedSignal = defineSignal<[EntryJoinedSignal]>('talentPoolEntryJoined');

/** The entry was withdrawn. Same rules as the join signal. */
export const entryWithdrawnSignal = defineSignal<[EntryWithdrawnSignal]>('talentPoolEntryWithdrawn');

export interface TalentPoolEntryWorkflowState {
  phase: 'waiting-for-reminder' | 'waiting-for-expiry' | 'ended';
  expiresAt: string;
  remindAt: string;
  reminderSent: boolean;
  outcome: TalentPoolEntryOutcome | null;
}

/** Where the timer stands (used by operators and the e2e test). */
export const entryStateQuery = defineQuery<TalentPoolEntryWorkflowState>('talentPoolEntryState');

export interface RescheduleExpiryRequest {
  expiresOn: string;
  expiresAt: string;
}

/**
 * POOL-2: move the end of the reserve period (the API validates the new period against the
 * policy bounds and commits it first). Rejected by the workflow validator when the entry ended
 * or the new instant is not a valid ISO date. Returns the new state.
 */
export const rescheduleExpiryUpdate = defineUpdate<TalentPoolEntryWorkflowState, [RescheduleExpiryRequest]>(
  'talentPoolEntryRescheduleExpiry',
);
