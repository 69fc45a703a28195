import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import type { EducationLevel, PolicyVersion } from '../parameters/policy-version';
import { EDUCATION_LEVELS } from '../parameters/policy-version';

export type TrainingStepCode = 'induction' | 'professional' | 'advanced';

/**
 * TRAIN-6 skill level: the social-worker title held (TRAIN-8 exams; POST-3's junior / intermediate /
 * senior ladder): none, assistant (助理社会工作师), intermediate (社会工作师), senior (高级社会工作师).
 */
export const SKILL_LEVELS = ['none', 'assistant', 'intermediate', 'senior'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
const STEPS: readonly TrainingStepCode[] = ['induction', 'professional', 'advanced'];

export interface GapFillingInput {
  yearsOfService: number;
  /** Unknown when no operator recorded it. */
  education?: EducationLevel | null;
  /** Hours done this year and the TRAIN-3 requirement, when known. */
  hoursShort?: number;
  /** Whether the TRAIN-4 off-the-job training is due and missing. */
  offJobMissing?: boolean;
  /** Specialist modules (TRAIN-5) the worker has already trained in. */
  modulesDone?: readonly string[];
  /** TRAIN-6 skill level; unknown is treated as `none`. */
  skillLevel?: SkillLevel | null;
}

export interface GapFillingNeeds {
  /** TRAIN-1: the step that fits the worker's years of service. */
  step: TrainingStepCode;
  /** TRAIN-6: the library's resources should be for workers with about this many years. */
  yearsOfService: number;
  /** Prefer off-the-job (offline, centralised) classes: TRAIN-4 is due and missing. */
  offJob: boolean;
  /** Prefer online courses: hours are short and online ones fit beside the work (the study's finding). */
  online: boolean;
  /** Specialist modules the worker has not trained in yet (TRAIN-5), in the rule's order. */
  modules: string[];
  /** Education below a bachelor's degree: add the general theory subjects (TRAIN-10 "community-work theory"). */
  theory: boolean;
  /** TRAIN-6 skill level the step was weighed with. */
  skillLevel: SkillLevel;
  /** TRAIN-8: no social-worker title yet: recommend preparing for the next exam. */
  examPreparation: boolean;
}

const SPECIALIST_MODULES = [
  'social-welfare',
  'social-assistance',
  'crime-prevention',
  'drug-control',
  'dispute-mediation',
  'elderly-care',
  'disability-care',
  'mental-health',
];

/**
 * TRAIN-6 (with TRAIN-1, TRAIN-4, TRAIN-5): what gap-filling training fits a worker. The step
 * follows the years of service (induction while becoming qualified, professional until mature,
 * advanced after: TRAIN-2's milestones); modules are the specialist ones not yet done; off-the-job
 * and online preferences follow the worker's shortfalls.
 */
export function gapFillingNeeds(policy: PolicyVersion, input: GapFillingInput): Decision<GapFillingNeeds> {
  if (!Number.isInteger(input.yearsOfService) || input.yearsOfService < 0 || input.yearsOfService > 50) {
    throw invalidInput('yearsOfService', `${input.yearsOfService} is outside 0..50`, 'TRAIN-6');
  }
  if (input.education != null && !EDUCATION_LEVELS.includes(input.education))
    throw invalidInput('education', 'is not a known level', 'TRAIN-6');
  const t = policy.training;
  const ex = new ExplanationBuilder({ ...input }, policy.id);
  if (input.skillLevel != null && !SKILL_LEVELS.includes(input.skillLevel))
    throw invalidInput('skillLevel', 'is not a known level', 'TRAIN-6');
  const byYears: TrainingStepCode =
    input.yearsOfService < t.fourOnesWithinYears ? 'induction' : input.yearsOfService < t.matureByYears ? 'professional' : 'advanced';
  ex.step('TRAIN-1', `${input.yearsOfService} years of service: ${byYears} step`, byYears);
  // Skill raises the step, never lowers it: a titled social worker does not sit the induction
  // course again (intermediate → at least professional, senior → advanced).
  const skillLevel: SkillLevel = input.skillLevel ?? 'none';
  const bySkill: TrainingStepCode = skillLevel === 'senior' ? 'advanced' : skillLevel === 'intermediate' ? 'professional' : 'induction';
  const step = STEPS[Math.max(STEPS.indexOf(byYears), STEPS.indexOf(bySkill))]!;
  const examPreparation = skillLevel === 'none';
  ex.step(
    'TRAIN-6',
    step === byYears
      ? `Skill level ${skillLevel}: the ${step} step stands${examPreparation ? '; no social-worker title yet: prepare for the exam (TRAIN-8)' : ''}`
      : `Skill level ${skillLevel}: raised to the ${step} step`,
    { skillLevel, step },
  );
  if (examPreparation) ex.cite('TRAIN-8');
  const done = new Set(input.modulesDone ?? []);
  const modules = SPECIALIST_MODULES.filter((m) => !done.has(m));
  ex.step(
    'TRAIN-5',
    modules.length ? `Specialist modules not yet trained: ${modules.join(', ')}` : 'Every specialist module trained',
    modules,
  );
  const offJob = input.offJobMissing === true;
  if (offJob) ex.step('TRAIN-4', 'Off-the-job training due and missing: offline centralised classes first', true);
  const online = (input.hoursShort ?? 0) > 0;
  if (online) ex.step('TRAIN-3', `${input.hoursShort} hours short this year: online courses count too`, input.hoursShort);
  const theory = input.education != null && EDUCATION_LEVELS.indexOf(input.education) < EDUCATION_LEVELS.indexOf('bachelor');
  ex.step(
    'TRAIN-6',
    input.education == null
      ? 'Education not recorded: no theory gap assumed'
      : theory
        ? `Education ${input.education}: add community-work theory`
        : `Education ${input.education}: no theory gap`,
    theory,
  );
  return ex.decide({ step, yearsOfService: input.yearsOfService, offJob, online, modules, theory, skillLevel, examPreparation });
}
