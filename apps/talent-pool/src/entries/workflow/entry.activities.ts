import type { TalentPoolEntryActivities } from '@cwp/talent-pool-workflows';
import type { EntryEndings } from '../entry-endings.service';

/**
 * The entry workflow's activities, bound to the service that owns the rows (STYLE.md: activities
 * are built from their dependencies). Both are idempotent on the row.
 */
export function createEntryActivities(endings: EntryEndings): TalentPoolEntryActivities {
  return {
    sendExpiryReminder: ({ entryId, expiresOn }) => endings.remind(entryId, expiresOn),
    expireEntry: ({ entryId }) => endings.expire(entryId),
  };
}
