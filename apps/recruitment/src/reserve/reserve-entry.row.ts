import type { EducationLevel, EntryStatus, PoolCertificate, PoolMajor, PoolSource } from '@cwp/contracts';

/** A talent-pool entry as recruitment last heard of it (dates as YYYY-MM-DD). */
export interface ReserveEntryRow {
  entryId: string;
  holdingUnit: string;
  status: EntryStatus;
  source: PoolSource;
  education: EducationLevel;
  major: PoolMajor | null;
  certificates: PoolCertificate[];
  expiresOn: string;
  endedOn: string | null;
  /** Held only while active (the pool erases it when the entry ends). */
  personRef: string | null;
  birthDate: string | null;
  gender: 'female' | 'male' | null;
  version: number;
}

export const RESERVE_ENTRY_COLUMNS = `
  r.entry_id AS "entryId", r.holding_unit AS "holdingUnit", r.status, r.source, r.education, r.major, r.certificates,
  to_char(r.expires_on, 'YYYY-MM-DD') AS "expiresOn", to_char(r.ended_on, 'YYYY-MM-DD') AS "endedOn",
  r.person_ref AS "personRef", to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.gender, r.version`;
