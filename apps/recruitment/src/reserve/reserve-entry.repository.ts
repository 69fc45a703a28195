import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EntryCandidateData } from '@cwp/contracts';
import { RESERVE_ENTRY_COLUMNS, type ReserveEntryRow } from './reserve-entry.row';

/** All SQL of reserve_entries. */
@Injectable()
export class ReserveEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Keeps the newest state per entry: an event of an older or equal version (a replay, the
   * topic read again from the beginning) changes nothing. True when the row changed.
   */
  async upsert(em: EntityManager, data: EntryCandidateData): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO reserve_entries AS r (entry_id, holding_unit, status, source, education, major, certificates, expires_on, ended_on,
                                         person_ref, birth_date, gender, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (entry_id) DO UPDATE SET holding_unit = EXCLUDED.holding_unit, status = EXCLUDED.status, source = EXCLUDED.source,
         education = EXCLUDED.education, major = EXCLUDED.major, certificates = EXCLUDED.certificates,
         expires_on = EXCLUDED.expires_on, ended_on = EXCLUDED.ended_on, person_ref = EXCLUDED.person_ref,
         birth_date = EXCLUDED.birth_date, gender = EXCLUDED.gender, version = EXCLUDED.version, updated_at = now()
       WHERE r.version < EXCLUDED.version
       RETURNING r.entry_id`,
      [
        data.entryId,
        data.holdingUnit,
        data.status,
        data.source,
        data.education,
        data.major,
        data.certificates,
        data.expiresOn,
        data.endedOn,
        // The pool erases the person when an entry ends; so does its copy here, whatever the event says.
        data.status === 'active' ? data.personRef : null,
        data.status === 'active' ? data.birthDate : null,
        data.status === 'active' ? data.gender : null,
        data.version,
      ],
    )) as unknown[];
    return rows.length > 0;
  }

  async findById(entryId: string, em: EntityManager = this.dataSource.manager): Promise<ReserveEntryRow | undefined> {
    const rows = (await em.query(`SELECT ${RESERVE_ENTRY_COLUMNS} FROM reserve_entries r WHERE r.entry_id = $1`, [
      entryId,
    ])) as ReserveEntryRow[];
    return rows[0];
  }
}
