/**
 * The closed vocabularies of recruitment (REC-1..7): codes, not prose, so events and statistics
 * never carry free text.
 */

/**
 * REC-1 / REC-6: the phases of a campaign, in order. `appointed` and `cancelled` are final.
 * registration → screening → pre-exam internship → written exam → interview → combined ranking →
 * assessment (考核) → publicity (公示, REC-7) → appointment (聘任).
 */
export const CAMPAIGN_PHASES = [
  'registration',
  'screening',
  'internship',
  'written-exam',
  'interview',
  'ranking',
  'assessment',
  'publicity',
  'appointment',
  'appointed',
  'cancelled',
] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

/** Phases that wait on a deadline timer (or the operator's early close). */
export const TIMED_PHASES = ['registration', 'screening', 'internship', 'written-exam', 'interview', 'assessment', 'publicity'] as const;
export type TimedPhase = (typeof TIMED_PHASES)[number];

/** The scores an applicant collects (0..100 each; REC-6 weighs them). */
export const SCORE_KINDS = ['internship', 'written', 'interview'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

/** The phase in which each score is recorded. */
export const SCORE_PHASE: Readonly<Record<ScoreKind, CampaignPhase>> = {
  internship: 'internship',
  written: 'written-exam',
  interview: 'interview',
};

/**
 * Life cycle of an applicant: registered → eligible (screening) → interning (REC-6 placement) →
 * examining (internship completed) → ranked / selected (REC-6 ranking) → suspended (objection,
 * REC-7) → appointed; `out` with a reason at any step.
 */
export const APPLICANT_STATUSES = [
  'registered',
  'ineligible',
  'eligible',
  'interning',
  'examining',
  'out',
  'ranked',
  'selected',
  'suspended',
  'appointed',
  'not-selected',
] as const;
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];

/** Why an applicant left the campaign (a code, never free text). */
export const APPLICANT_OUT_REASONS = [
  'internship-not-completed',
  'absent-written-exam',
  'absent-interview',
  'assessment-failed',
  'objection-upheld',
  'withdrew',
  'campaign-cancelled',
] as const;
export type ApplicantOutReason = (typeof APPLICANT_OUT_REASONS)[number];

/** How an application came in (issue 10: three ways in). */
export const APPLICATION_CHANNELS = ['public', 'operator', 'talent-pool'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/** Certificates and qualifications an applicant may list (REC-4 social-worker ladder, REC-5 specialist). */
export const RECRUITMENT_CERTIFICATES = [
  'junior-social-worker',
  'intermediate-social-worker',
  'senior-social-worker',
  'psychological-counsellor',
  'fire-safety',
  'work-safety-inspection',
] as const;
export type RecruitmentCertificate = (typeof RECRUITMENT_CERTIFICATES)[number];

/** REC-5 specialist qualifications a post may require. */
export const SPECIALIST_QUALIFICATIONS = ['fire-safety', 'work-safety-inspection', 'psychological-counsellor'] as const;
export type SpecialistQualification = (typeof SPECIALIST_QUALIFICATIONS)[number];

/**
 * Why a campaign was cancelled (the saga of issue 10): the district's decision, or a phase that
 * cannot proceed because no applicant is left in the running.
 */
export const CANCEL_REASONS = ['operator-decision', 'no-applicants-left'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * The undo steps of the cancellation saga, each registered once its forward step succeeded and run
 * in reverse order: withdraw published results (REC-7), release interns from their host streets
 * (REC-6), tell applicants (they are out, `campaign-cancelled`), release the planned posts (REC-3).
 */
export const CANCEL_STEPS = ['withdraw-results', 'release-interns', 'release-applicants', 'release-posts'] as const;
export type CancelStep = (typeof CANCEL_STEPS)[number];
