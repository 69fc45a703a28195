/**
 * Vocabularies every service shares, defined once. The values are the policy library's, so what an
 * API accepts, an event carries and REC-4 / REC-8 evaluate are the same codes.
 */
import { EDUCATION_LEVELS as POLICY_EDUCATION_LEVELS, EXIT_CAUSES, type EducationLevel, type ExitCause } from '@cwp/policy';

/**
 * Highest completed education, lowest first (REC-4 makes junior college 大专 the recruitment
 * threshold; `below-junior-college` covers high school and other secondary education).
 */
export const EDUCATION_LEVELS: readonly EducationLevel[] = POLICY_EDUCATION_LEVELS;
export type { EducationLevel };

/** EXIT-3's five causes for recruited workers, numbered as in the rule: the policy library's list. */
export const EXIT3_CAUSES = EXIT_CAUSES;
export type Exit3Cause = ExitCause;
