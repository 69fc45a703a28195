/**
 * The activities the entry workflow calls, as a type: the talent-pool app implements them
 * (apps/talent-pool/src/entries/workflow/entry.activities.ts), the workflow imports this file with `import type` only.
 * Both are idempotent on the database row, so Temporal may retry or replay them freely.
 */
import type { EntryStatus } from '@cwp/contracts';

export interface SendExpiryReminderInput {
  entryId: string;
  expiresOn: string;
  reminderDays: number;
}

export interface ExpireEntryInput {
  entryId: string;
}

export interface ExpireEntryResult {
  /** true when this call moved the row from active to expired and erased its personal data. */
  changed: boolean;
  /** The row's status after the call (joined/withdrawn when a signal to the workflow was lost). */
  status: Exclude<EntryStatus, 'active'>;
  endedOn: string | null;
}

export interface TalentPoolEntryActivities {
  /**
   * POOL-2 reminder: append `cwp.talentpool.entry.expiring.v1` once per (entry, expiresOn) while
   * the entry is active. Returns sent=false when already sent or the entry has ended.
   */
  sendExpiryReminder(input: SendExpiryReminderInput): Promise<{ sent: boolean }>;
  /**
   * POOL-2 removal: in one transaction mark the entry expired, erase its personal data (name,
   * encrypted national ID, phone, person_ref) keeping the statistical columns, write the audit
   * row and append `cwp.talentpool.entry.expired.v1`. Does nothing if the entry already ended.
   */
  expireEntry(input: ExpireEntryInput): Promise<ExpireEntryResult>;
}
