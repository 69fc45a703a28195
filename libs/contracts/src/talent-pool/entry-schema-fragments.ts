/**
 * The property schemas a reserve entry's events share (D8): the entry events and the entry-state
 * event describe the same entry, so each field is written once here and spread into both. Spread
 * (not `$ref`), so every published JSON Schema stays self-contained and unchanged.
 * Unit codes: street 9 digits or district 6 digits (seeds/org-tree).
 */
import { EDUCATION_LEVELS } from '../shared/vocabulary';
import { POOL_CERTIFICATES, POOL_MAJORS, POOL_SOURCES } from './vocabulary';

export const dateSchema = { type: 'string', format: 'date' } as const;

/** Which entry, held by which unit: every entry event carries these. */
export const entryKeyProperties = {
  entryId: { type: 'string', format: 'uuid' },
  holdingUnit: { type: 'string', pattern: '^31[0-9]{4}([0-9]{3})?$' },
} as const;
export const entryKeyRequired = ['entryId', 'holdingUnit'] as const;

/** What a registration records about the candidate and the reserve period (POOL-1, POOL-2). */
export const entryRegistrationProperties = {
  source: { enum: [...POOL_SOURCES] },
  education: { enum: [...EDUCATION_LEVELS] },
  major: { enum: [...POOL_MAJORS, null] },
  certificates: { type: 'array', uniqueItems: true, maxItems: POOL_CERTIFICATES.length, items: { enum: [...POOL_CERTIFICATES] } },
  reservePeriodMonths: { type: 'integer', minimum: 1, maximum: 120 },
  registeredOn: dateSchema,
  expiresOn: dateSchema,
} as const;

/** The worker a joined entry became (POOL-3); null when the appointment named none yet. */
export const joinedWorkerIdSchema = { type: ['string', 'null'], minLength: 1, maxLength: 64 } as const;
