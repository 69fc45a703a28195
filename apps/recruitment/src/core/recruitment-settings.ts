/** The service settings features read (from config.ts, validated at boot; tests hand in their own). */
export interface RecruitmentSettings {
  /** Task queue of the campaign workflows (and of this process's Temporal worker). */
  taskQueue: string;
  /** Inbox consumer name and Kafka group of the workforce staffing handler. */
  staffingConsumer: string;
  /** Inbox consumer name and Kafka group of the talent pool's candidate handler (invitations). */
  reserveConsumer: string;
  /** Public applications accepted per client address per minute. */
  publicRatePerMinute: number;
  /** Days of the assessment (考核) phase. */
  assessmentDays: number;
  /** > 0: every timed phase lasts this many seconds (tests, benches). */
  phaseSeconds: number;
  /** Applicants per transaction (and heartbeat) of the chunked campaign steps. */
  stepChunk: number;
  /** false: start workflows without search attributes (Temporal's time-skipping test server). */
  searchAttributes: boolean;
}

export const RECRUITMENT_SETTINGS = Symbol('RECRUITMENT_SETTINGS');
