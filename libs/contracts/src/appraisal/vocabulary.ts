/**
 * Codes of the appraisal service shared by its API, workflows and consumers. Grades, dimensions
 * and sources are @cwp/policy's (APPR-1..3), repeated here as closed lists for JSON Schemas.
 */
import { APPRAISAL_DIMENSIONS, GRADES, RATER_SOURCES, type AppraisalDimension, type Grade, type RaterSource } from '@cwp/policy';

export { APPRAISAL_DIMENSIONS, GRADES as APPRAISAL_GRADES, RATER_SOURCES };
export type { AppraisalDimension, Grade as AppraisalGrade, RaterSource };

/**
 * Tasks the performance record opens (APPR-5, EXIT-2, EXIT-3):
 * - `admonishment-talk`: first unqualified year (诫勉谈话);
 * - `organisational-adjustment`: an elected worker unqualified two years in a row (EXIT-2);
 * - `exit-notice`: a recruited worker unqualified two years in a row; the street confirms or
 *   contests the contract termination (EXIT-3 cause 1).
 */
export const RECORD_TASK_KINDS = ['admonishment-talk', 'organisational-adjustment', 'exit-notice'] as const;
export type RecordTaskKind = (typeof RECORD_TASK_KINDS)[number];

export const RECORD_TASK_STATUSES = ['open', 'escalated', 'done', 'contested', 'cancelled'] as const;
export type RecordTaskStatus = (typeof RECORD_TASK_STATUSES)[number];

/** How a published grade came to change (APPR-2 calibration happens before publishing). */
export const RESULT_CHANGE_REASONS = ['appeal-upheld'] as const;
export type ResultChangeReason = (typeof RESULT_CHANGE_REASONS)[number];

/** APPR-6 levels of the yearly top ten. */
export const INCENTIVE_LEVELS = ['district', 'city'] as const;
export type IncentiveLevel = (typeof INCENTIVE_LEVELS)[number];
