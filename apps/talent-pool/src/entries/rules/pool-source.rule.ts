import { POOL_PREFERRED_MAJORS, SOCIAL_WORKER_QUALIFICATIONS, type PoolCertificate, type PoolMajor, type PoolSource } from '@cwp/contracts';

export interface PoolSourceProblem {
  field: 'major' | 'certificates';
  rule: 'POOL-1';
  message: string;
}

/**
 * POOL-1: who the reserve database holds. Students must study one of the REC-4 majors; a
 * `social-worker` candidate must hold a social-worker qualification; homemakers and others need
 * neither. Returns the first problem, or undefined when the entry fits its source category.
 */
export function poolSourceProblem(entry: {
  source: PoolSource;
  major?: PoolMajor | null;
  certificates?: readonly PoolCertificate[];
}): PoolSourceProblem | undefined {
  if (entry.source === 'student' && !(POOL_PREFERRED_MAJORS as readonly string[]).includes(entry.major ?? '')) {
    return {
      field: 'major',
      rule: 'POOL-1',
      message: `major: a student entry must study one of ${POOL_PREFERRED_MAJORS.join(', ')} (POOL-1, REC-4)`,
    };
  }
  if (
    entry.source === 'social-worker' &&
    !(entry.certificates ?? []).some((c) => (SOCIAL_WORKER_QUALIFICATIONS as readonly string[]).includes(c))
  ) {
    return {
      field: 'certificates',
      rule: 'POOL-1',
      message: `certificates: a social-worker entry must hold one of ${SOCIAL_WORKER_QUALIFICATIONS.join(', ')} (POOL-1)`,
    };
  }
  return undefined;
}
