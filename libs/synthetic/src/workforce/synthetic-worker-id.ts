import { hashString } from '../prng';

/** Slots of one unit that fit the id's 28 slot bits. */
export const MAX_SLOT = 2 ** 28 - 1;

/**
 * The id of the synthetic worker in `slot` of `unitCode` under `seed`, UUID-shaped
 * (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`) and unique by construction within one seed:
 *
 *   seed tag (32 bits) - slot bits 27..12 - 4 + slot bits 11..0 - variant+seed tag (14 bits) - unit code
 *
 * The unit code is written as its decimal digits padded with `f` to 12 nibbles, and the slot in
 * 28 bits, so distinct (unit, slot) give distinct ids whatever the seed. The seed tags (two
 * hashes of the seed) only tell generations apart. Ids used to come from each worker's 32-bit
 * PRNG state, which repeated around 620,000 workers.
 */
export function syntheticWorkerId(seed: number, unitCode: string, slot: number): string {
  if (!/^\d{1,12}$/.test(unitCode)) throw new RangeError(`unit code must be 1 to 12 digits, got ${unitCode}`);
  if (!Number.isInteger(slot) || slot < 0 || slot > MAX_SLOT) throw new RangeError(`slot must be an integer 0..${MAX_SLOT}, got ${slot}`);
  const tag = hashString(`cwp-workforce-id:${seed}`);
  const tag2 = hashString(`cwp-workforce-id2:${seed}`) & 0x3fff;
  const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');
  const variant = hex(0x8000 | tag2, 4);
  return `${hex(tag, 8)}-${hex(slot >>> 12, 4)}-4${hex(slot & 0xfff, 3)}-${variant}-${unitCode.padEnd(12, 'f')}`;
}
