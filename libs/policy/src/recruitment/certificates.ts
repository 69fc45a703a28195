/** Social-worker certificates, lowest first (助理/初级、中级、高级社会工作师). */
export const SOCIAL_WORKER_CERTIFICATES = ['junior-social-worker', 'intermediate-social-worker', 'senior-social-worker'] as const;

/**
 * Holds the required certificate or, when it is a rung of the social-worker ladder, a higher one
 * (REC-4 "at least the junior certificate"; REC-8 "assistant social worker or social worker").
 */
export function holdsAtLeast(certificates: readonly string[], required: string): boolean {
  const ladder: readonly string[] = SOCIAL_WORKER_CERTIFICATES;
  const floor = ladder.indexOf(required);
  if (floor < 0) return certificates.includes(required);
  return certificates.some((c) => ladder.indexOf(c) >= floor);
}
