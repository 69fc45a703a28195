import type { SkillLevel } from '@cwp/policy';

/** TRAIN-6 skill level from the certificates this service records (TRAIN-8): the highest social-worker title held. */
export function skillLevelOf(certificateKinds: readonly string[]): SkillLevel {
  if (certificateKinds.includes('senior-social-worker')) return 'senior';
  if (certificateKinds.includes('social-worker')) return 'intermediate';
  if (certificateKinds.includes('assistant-social-worker')) return 'assistant';
  return 'none';
}
