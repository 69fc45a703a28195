import type { EducationLevel, EntryStatus, JoinRoute, PoolCertificate, PoolMajor, PoolSource, WithdrawReason } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

/**
 * A reserve-pool entry (POOL-1..3) as the repository returns it (dates as YYYY-MM-DD strings).
 * Personal data (name, national ID, phone, person_ref) is held only while the entry is `active`
 * and is erased when it ends; the statistical columns (source, education, major, holding unit,
 * dates) stay. The national ID and phone are stored encrypted (AES-256-GCM) beside a display mask;
 * `personRef` is their keyed hash for matching.
 */
export interface EntryRow {
  id: string;
  status: EntryStatus;
  holdingUnit: string;
  source: PoolSource;
  education: EducationLevel;
  major: PoolMajor | null;
  certificates: PoolCertificate[];
  // --- personal data: erased (null) once the entry has ended -------------------------------
  name: string | null;
  nationalIdEnc: string | null;
  nationalIdMasked: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
  personRef: string | null;
  // ------------------------------------------------------------------------------------------
  reserveMonths: number;
  registeredOn: string;
  expiresOn: string;
  /** The instant the reserve period ends (start of expiresOn in Shanghai): the workflow's timer. */
  expiresAt: Date;
  reminderDays: number;
  /** The expiresOn the expiring reminder was sent for (once per period). */
  remindedFor: string | null;
  endedOn: string | null;
  joinRoute: JoinRoute | null;
  joinedWorkerId: string | null;
  withdrawReason: WithdrawReason | null;
  policyVersion: string | null;
  /** POOL-2 decision (reserve period and schedule) as returned by @cwp/policy. */
  reserveExplanation: { period: Explanation; schedule: Explanation };
  /** Set once the entry's workflow is known to exist; the reconciler starts those still null. */
  workflowStartedAt: Date | null;
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A row about to be inserted: the database sets the timestamps. */
export type NewEntryRow = Omit<EntryRow, 'createdAt' | 'updatedAt'>;

/** Column list selecting a row into EntryRow's names (dates as text: no time-zone shift). */
export const ENTRY_COLUMNS = `
  e.id, e.status, e.holding_unit AS "holdingUnit", e.source, e.education, e.major, e.certificates,
  e.name, e.national_id_enc AS "nationalIdEnc", e.national_id_masked AS "nationalIdMasked",
  e.phone_enc AS "phoneEnc", e.phone_masked AS "phoneMasked", e.person_ref AS "personRef",
  e.reserve_months AS "reserveMonths", to_char(e.registered_on, 'YYYY-MM-DD') AS "registeredOn",
  to_char(e.expires_on, 'YYYY-MM-DD') AS "expiresOn", e.expires_at AS "expiresAt", e.reminder_days AS "reminderDays",
  to_char(e.reminded_for, 'YYYY-MM-DD') AS "remindedFor", to_char(e.ended_on, 'YYYY-MM-DD') AS "endedOn",
  e.join_route AS "joinRoute", e.joined_worker_id AS "joinedWorkerId", e.withdraw_reason AS "withdrawReason",
  e.policy_version AS "policyVersion", e.reserve_explanation AS "reserveExplanation",
  e.workflow_started_at AS "workflowStartedAt", e.created_by AS "createdBy", e.version,
  e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;
