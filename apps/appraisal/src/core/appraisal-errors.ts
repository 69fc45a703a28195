import { DomainError, ErrorCode, defineServiceErrorCodes } from '@cwp/platform';

/**
 * The appraisal service's own error codes, registered with the platform (the exception filter and
 * activity failures read their status class from the registry). Clients match on these strings:
 * a value never changes once released. Duplicates stay the platform's `DUPLICATE` (409).
 */
export const AppraisalError = defineServiceErrorCodes('appraisal', {
  /** The cycle is not in the phase the request needs (close before the window opens, calibration before close …). */
  CYCLE_PHASE: 'conflict',
  /** APPR-2: a unit's share of excellent grades is over the calibration limit; calibrate before publishing. */
  CALIBRATION_REQUIRED: 'unprocessable',
  /** The appeal window of a published result has passed. */
  APPEAL_WINDOW_CLOSED: 'unprocessable',
  /** A published grade changes only on appeal, never by calibration. */
  RESULT_PUBLISHED: 'conflict',
  /** Only a published result can be appealed. */
  RESULT_NOT_PUBLISHED: 'conflict',
  /** One appeal per result and year. */
  ALREADY_APPEALED: 'conflict',
  /** An appeal decision needs a filed appeal. */
  NO_PENDING_APPEAL: 'conflict',
  /** APPR-6: a level's top ten of a unit and year is selected once. */
  ALREADY_SELECTED: 'conflict',
  /** A record task (admonishment, adjustment, exit notice) that is no longer open. */
  TASK_NOT_OPEN: 'conflict',
});

/** The errors of the appraisal service that carry figures, built in one place. */
export const AppraisalErrors = {
  /** 409: the cycle is not in the phase the request needs (ratings after close, calibration before close …). */
  cyclePhase: (cycleId: string, phase: string, needed: string): DomainError =>
    new DomainError(AppraisalError.CYCLE_PHASE, `Appraisal cycle ${cycleId} is in phase ${phase}; this needs ${needed}`, {
      details: { cycleId, phase, needed },
    }),
  /** 409 DUPLICATE: a cycle for an overlapping unit and the same year exists. */
  cycleOverlap: (unitCode: string, year: number, other: string): DomainError =>
    new DomainError(ErrorCode.DUPLICATE, `An appraisal cycle of ${other} for ${year} already covers ${unitCode}`, {
      field: 'unitCode',
      details: { year, other, reason: 'CYCLE_OVERLAP' },
    }),
  /** 409 DUPLICATE: this rater already rated this worker this year (APPR-3; residents through their keyed hash). */
  alreadyRated: (field: string): DomainError =>
    new DomainError(ErrorCode.DUPLICATE, 'This rater has already rated this worker for this year', {
      field,
      details: { reason: 'ALREADY_RATED' },
    }),
  /** 422 APPR-2: a unit's grade distribution is over the calibration limit. */
  calibrationRequired: (units: string[]): DomainError =>
    new DomainError(
      AppraisalError.CALIBRATION_REQUIRED,
      `Calibrate first: ${units.join(', ')} exceed(s) the share of excellent grades allowed`,
      { details: { rule: 'APPR-2', units } },
    ),
  /** 422: the appeal window of the result has passed. */
  appealWindowClosed: (until: string): DomainError =>
    new DomainError(AppraisalError.APPEAL_WINDOW_CLOSED, `The appeal window closed on ${until}`, { details: { until } }),
} as const;
