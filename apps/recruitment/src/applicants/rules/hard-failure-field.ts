import type { HardRequirement } from '@cwp/policy';

/** The request field a REC-4/REC-5 hard failure is about, so a refusal names it. */
export const HARD_FAILURE_FIELD: Readonly<Record<HardRequirement, string>> = {
  'education-floor': 'education',
  'non-graduate-certificate': 'certificates',
  'specialist-qualification': 'certificates',
};

/** The rule of each hard requirement. */
export const HARD_FAILURE_RULE: Readonly<Record<HardRequirement, 'REC-4' | 'REC-5'>> = {
  'education-floor': 'REC-4',
  'non-graduate-certificate': 'REC-4',
  'specialist-qualification': 'REC-5',
};
