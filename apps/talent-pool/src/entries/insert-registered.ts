import { insertTogether, type AuditTrail, type OutboxWriter, type Principal, type Queryable } from '@cwp/platform';
import { entryRegisteredContract } from '@cwp/contracts';
import { AUDIT_ENTITY, auditView } from './entry-audit';
import { eventData } from './entry-event-data';
import type { NewEntryRow } from './entry.row';
import type { EntryRepository } from './entry.repository';

export interface RegistrationWriters {
  repository: EntryRepository;
  audit: AuditTrail;
  outbox: OutboxWriter;
}

/**
 * The three writes of a registration in ONE statement (`insertTogether`: atomic without a
 * transaction, one round trip instead of five): the row, its audit row and
 * `cwp.talentpool.entry.registered.v1`. Used by the API and by the seed, so both write alike.
 * Returns false (and writes nothing) when the person already has an active entry in that unit.
 */
export function insertRegistered(q: Queryable, row: NewEntryRow, principal: Principal, writers: RegistrationWriters): Promise<boolean> {
  return insertTogether(q, writers.repository.insertStatement(row), [
    writers.audit.changeRow({ action: 'create', entity: AUDIT_ENTITY, entityId: row.id, after: auditView(row) }, principal),
    writers.outbox.eventRow({ contract: entryRegisteredContract, key: row.id, data: eventData.registered(row) }).row,
  ]);
}
