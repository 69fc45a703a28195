/** Vocabulary of the training service (codes, not labels; the API documents the Chinese names). */

/** TRAIN-1: the three training steps: induction (初任), professional (专业), advanced (进修). */
export const TRAINING_STEPS = ['induction', 'professional', 'advanced'] as const;
export type TrainingStep = (typeof TRAINING_STEPS)[number];

/**
 * TRAIN-5 specialist modules, plus the modules workers asked for, and TRAIN-10's general
 * subjects (conditions, community-work theory, governance, policies) under `general`.
 */
export const TRAINING_MODULES = [
  'social-welfare',
  'social-assistance',
  'crime-prevention',
  'drug-control',
  'dispute-mediation',
  'elderly-care',
  'disability-care',
  'mental-health',
  'law',
  'psychology-practice',
  'it-skills',
  'general',
] as const;
export type TrainingModule = (typeof TRAINING_MODULES)[number];

/** TRAIN-7 forms: centralised, meeting-as-training (以会代训), special tutoring, on-site observation, model demonstration, case study. */
export const TRAINING_FORMS = [
  'centralised',
  'meeting-as-training',
  'special-tutoring',
  'on-site-observation',
  'model-demonstration',
  'case-study',
] as const;
export type TrainingForm = (typeof TRAINING_FORMS)[number];

export const TRAINING_DELIVERIES = ['online', 'offline'] as const;
export type TrainingDelivery = (typeof TRAINING_DELIVERIES)[number];

/** TRAIN-8: the exams workers are encouraged to sit. */
export const CERTIFICATE_KINDS = ['assistant-social-worker', 'social-worker', 'senior-social-worker', 'psychological-counsellor'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** TRAIN-2: the two milestones of a worker's development plan. */
export const PLAN_MILESTONES = ['qualified', 'mature'] as const;
export type PlanMilestone = (typeof PLAN_MILESTONES)[number];

/** REC-8: the posts a reserve cadre (后备干部) is trained for: community party secretary (书记), committee director (主任). */
export const CADRE_TARGET_ROLES = ['party-secretary', 'committee-director'] as const;
export type CadreTargetRole = (typeof CADRE_TARGET_ROLES)[number];

/** REC-8: what happened to a reserve cadre: nominated by a street, confirmed or declined by the district, kept or removed at a yearly review. */
export const CADRE_CHANGES = ['nominated', 'confirmed', 'declined', 'kept', 'removed'] as const;
export type CadreChange = (typeof CADRE_CHANGES)[number];
