import { defineServiceErrorCodes } from '@cwp/platform';

/**
 * The training service's own error codes, registered with the platform (each mapped to a status
 * class). Everything else it refuses is a platform code (VALIDATION_FAILED naming the field,
 * NOT_FOUND for a missing or out-of-scope record, DUPLICATE, CONFLICT).
 */
export const TrainingError = defineServiceErrorCodes('training', {
  /** A class is full: its capacity is reached. */
  CLASS_FULL: 'conflict',
  /** Attendance for a worker not enrolled in the class. */
  NOT_ENROLLED: 'unprocessable',
  /** A completion id was reused with other content (the e-learning system's replay must be identical). */
  COMPLETION_MISMATCH: 'conflict',
  /** The worker is not on the training roster (no `worker.hired` seen) or has left. */
  WORKER_NOT_ACTIVE: 'unprocessable',
  /** A compliance run for that year is already running. */
  COMPLIANCE_RUNNING: 'conflict',
  /** REC-8: the worker does not meet the reserve-cadre criteria (the details name them, with the explanation). */
  CADRE_NOT_ELIGIBLE: 'unprocessable',
  /** REC-8: no yearly review of the reserve cadre is open (the cadre's workflow opens one each year). */
  REVIEW_NOT_DUE: 'conflict',
});
