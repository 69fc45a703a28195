import { defineServiceErrorCodes } from '@cwp/platform';

/**
 * The recruitment service's own error codes, registered with the platform (each mapped to a
 * status class). Platform codes cover the rest (VALIDATION_FAILED naming the field, NOT_FOUND for
 * a missing or out-of-scope record, DUPLICATE for a second application of a person).
 */
export const RecruitmentError = defineServiceErrorCodes('recruitment', {
  /** REC-2: the round is beyond the rounds a year of the policy version in force. */
  ROUNDS_EXCEEDED: 'unprocessable',
  /** Planned posts exceed a street's vacancies as the workforce service last published them. */
  PLAN_EXCEEDS_VACANCIES: 'unprocessable',
  /** The public endpoint outside the registration window. */
  REGISTRATION_CLOSED: 'unprocessable',
  /** The campaign is not in the phase the request needs. */
  CAMPAIGN_PHASE: 'conflict',
  /** A hard REC-4/REC-5 requirement is not met (operator entry refuses it with the rule and the field). */
  NOT_ELIGIBLE: 'unprocessable',
  /** A bulk score file with a bad row: nothing of the file is stored. */
  SCORE_FILE_INVALID: 'invalid',
  /** POOL-2/POOL-3: the invited talent-pool entry has ended (joined, withdrawn, expired) or its reserve period is over. */
  RESERVE_ENTRY_ENDED: 'conflict',
  /** The campaign was cancelled after publicity: its published results were withdrawn (the saga). */
  RESULTS_WITHDRAWN: 'conflict',
});
