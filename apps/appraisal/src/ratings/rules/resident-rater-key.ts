import { createHmac } from 'node:crypto';

/**
 * APPR-3 residents: the rater key of a resident's rating is a keyed hash of (year, worker, the
 * resident's own identifier), so the same resident can rate a worker once a year, the service
 * cannot tell who rated, and the same resident's ratings of two workers cannot be linked.
 */
export function residentRaterKey(key: Buffer, year: number, workerId: string, residentId: string): string {
  const normalised = residentId.replace(/\s+/g, '').toUpperCase();
  return createHmac('sha256', key).update(`cwp.appraisal.resident.v1:${year}:${workerId}:${normalised}`).digest('hex');
}
