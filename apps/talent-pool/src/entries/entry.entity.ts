import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  EducationLevel,
  EntryStatus,
  JoinRoute,
  PoolCertificate,
  PoolMajor,
  PoolSource,
  WithdrawReason,
} from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

/**
 * A reserve-pool entry (POOL-1..3). Personal data (name, national ID, phone, person_ref) is held
 * only while the entry is `active` and is erased when it ends; the statistical columns (source,
 * education, major, holding unit, dates) stay. The national ID and phone are stored encrypted
 * (AES-256-GCM) beside a display mask; `person_ref` is their keyed hash for matching.
 */
@Entity({ name: 'entries' })
export class EntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: EntryStatus;

  @Column('text', { name: 'holding_unit' })
  holdingUnit!: string;

  @Column('text')
  source!: PoolSource;

  @Column('text')
  education!: EducationLevel;

  @Column('text', { nullable: true })
  major!: PoolMajor | null;

  @Column('text', { array: true, default: () => "'{}'" })
  certificates!: PoolCertificate[];

  // --- personal data: erased (null) once the entry has ended -------------------------------
  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { name: 'national_id_enc', nullable: true })
  nationalIdEnc!: string | null;

  @Column('text', { name: 'national_id_masked', nullable: true })
  nationalIdMasked!: string | null;

  @Column('text', { name: 'phone_enc', nullable: true })
  phoneEnc!: string | null;

  @Column('text', { name: 'phone_masked', nullable: true })
  phoneMasked!: string | null;

  @Column('text', { name: 'person_ref', nullable: true })
  personRef!: string | null;
  // ------------------------------------------------------------------------------------------

  @Column('int', { name: 'reserve_months' })
  reserveMonths!: number;

  @Column('date', { name: 'registered_on' })
  registeredOn!: string;

  @Column('date', { name: 'expires_on' })
  expiresOn!: string;

  /** The instant the reserve period ends (start of expiresOn in Shanghai): the workflow's timer. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('int', { name: 'reminder_days' })
  reminderDays!: number;

  /** The expiresOn the expiring reminder was sent for (once per period). */
  @Column('date', { name: 'reminded_for', nullable: true })
  remindedFor!: string | null;

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn!: string | null;

  @Column('text', { name: 'join_route', nullable: true })
  joinRoute!: JoinRoute | null;

  @Column('text', { name: 'joined_worker_id', nullable: true })
  joinedWorkerId!: string | null;

  @Column('text', { name: 'withdraw_reason', nullable: true })
  withdrawReason!: WithdrawReason | null;

  @Column('text', { name: 'policy_version', nullable: true })
  policyVersion!: string | null;

  /** POOL-2 decision (reserve period and schedule) as returned by @cwp/policy. */
  @Column('jsonb', { name: 'reserve_explanation' })
  reserveExplanation!: { period: Explanation; schedule: Explanation };

  /** Set once the entry's workflow is known to exist; the reconciler starts those still null. */
  @Column('timestamptz', { name: 'workflow_started_at', nullable: true })
  workflowStartedAt!: Date | null;

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('int', { default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
