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

/** How the workflow ended. `joined`/`withdrawn` come from a signal, `expired` from the timer. */
export type TalentPoolEntryOutcome =
  | { status: 'expired'; changed: boolean }
  | { status: 'joined'; joinedOn: string }
  | { status: 'withdrawn'; withdrawnOn: string };

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
