import { defineServiceErrorCodes } from '@cwp/platform';

/**
 * The workforce service's own error codes, registered with the platform (the exception filter and
 * activity failures read their status class from the registry; the error body's `title` is the
 * Chinese one given here when the caller's Accept-Language asks for zh-CN). Clients match on these strings:
 * a value never changes once released.
 */
export const WorkforceError = defineServiceErrorCodes('workforce', {
  /** QUOTA-4: a street has fewer floating places left than a loan asks for (422, with the figures). */
  FLOATING_QUOTA_EXHAUSTED: { status: 'unprocessable', zh: '机动编制名额不足' },
  /** PROM-3: a title promotion would push the street's 4:4:2 structure past its tolerance (422, with the figures). */
  TITLE_STRUCTURE_EXCEEDED: { status: 'unprocessable', zh: '职称结构比例超出限制' },
});
