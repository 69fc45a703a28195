import { defineServiceErrorCodes } from '@cwp/platform';

/**
 * The talent pool's own error codes, registered with the platform (each mapped to a status class).
 * None yet: every refusal of the service is a platform code (VALIDATION_FAILED naming the field,
 * NOT_FOUND for a missing or out-of-scope entry or unit, DUPLICATE for a second active entry of a
 * person in a unit, CONFLICT for ending an entry that already ended). A code that only this service
 * can raise is added here, never to the platform's enum.
 */
export const TalentPoolError = defineServiceErrorCodes('talent-pool', {});
