import type { EntityManager } from 'typeorm';
import type { AuditTrail, OutboxWriter, Principal } from '@cwp/platform';
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
 * The three writes of a registration, inside the caller's transaction: the row, its audit row and
 * `cwp.talentpool.entry.registered.v1`. Used by the API and by the seed, so both write alike.
 * Returns false (and writes nothing) when the person already has an active entry in that unit.
 */
export async function insertRegistered(
  em: EntityManager,
  row: NewEntryRow,
  principal: Principal,
  writers: RegistrationWriters,
): Promise<boolean> {
  if (!(await writers.repository.insert(em, row))) return false;
  await writers.audit.record(em, { action: 'create', entity: AUDIT_ENTITY, entityId: row.id, after: auditView(row) }, principal);
  await writers.outbox.append(em, { contract: entryRegisteredContract, key: row.id, data: eventData.registered(row) });
  return true;
}
