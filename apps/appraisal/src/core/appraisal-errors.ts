import { DomainError, ErrorCode } from '@cwp/platform';

/**
 * kit: the service's own error reasons. Until the platform's error-code registry lands, each is a
 * platform code (which decides the HTTP status) plus a stable `details.reason` clients match on.
 */
export const AppraisalErrors = {
  /** 409: the cycle is not in the phase the request needs (ratings after close, calibration before close …). */
  cyclePhase: (cycleId: string, phase: string, needed: string): DomainError =>
    DomainError.conflict(`Appraisal cycle ${cycleId} is in phase ${phase}; this needs ${needed}`, {
      cycleId,
      phase,
      needed,
      reason: 'CYCLE_PHASE',
    }),
  /** 409: a cycle for an overlapping unit and the same year exists. */
  cycleOverlap: (unitCode: string, year: number, other: string): DomainError =>
    new DomainError(ErrorCode.DUPLICATE, `An appraisal cycle of ${other} for ${year} already covers ${unitCode}`, {
      field: 'unitCode',
      details: { year, other, reason: 'CYCLE_OVERLAP' },
    }),
  /** 409: this rater already rated this worker this year (APPR-3; residents through their keyed hash). */
  alreadyRated: (field: string): DomainError =>
    new DomainError(ErrorCode.DUPLICATE, 'This rater has already rated this worker for this year', {
      field,
      details: { reason: 'ALREADY_RATED' },
    }),
  /** 422 APPR-2: a unit's grade distribution is over the calibration limit. */
  calibrationRequired: (units: string[]): DomainError =>
    DomainError.businessRule('APPR-2', `Calibrate first: ${units.join(', ')} exceed(s) the share of excellent grades allowed`, {
      reason: 'CALIBRATION_REQUIRED',
      units,
    }),
  /** 422: the appeal window of the result has passed. */
  appealWindowClosed: (until: string): DomainError =>
    DomainError.businessRule('APPR-2', `The appeal window closed on ${until}`, { reason: 'APPEAL_WINDOW_CLOSED', until }),
} as const;
