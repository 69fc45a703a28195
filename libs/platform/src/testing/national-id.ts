import { nationalIdCheckChar } from '@cwp/policy';

/**
 * A synthetic GB 11643 number for tests and examples: region, birth date and sequence of your
 * choosing, check character computed. Keeps ID-shaped literals (which could be someone's) out of
 * the code base.
 */
export function syntheticNationalId(birthDate = '19900307', sequence = '123', region = '310104'): string {
  const first17 = `${region}${birthDate}${sequence}`;
  if (!/^\d{17}$/.test(first17)) throw new Error('syntheticNationalId: region 6 + birth date 8 + sequence 3 digits');
  return first17 + nationalIdCheckChar(first17);
}

// A random start, then consecutive: 1,000 numbers per birth date and region before one repeats in
// a process. A fresh random draw per number collided now and then (birthday problem: 1 in 25 for
// 45 draws), and a spec then got 409 DUPLICATE for a person it had never registered.
let sequence = Math.floor(Math.random() * 1000);

export interface NewNationalIdOptions {
  /** YYYYMMDD (default 19900517). */
  birthDate?: string;
  /** Six-digit region code (default 310104, Xuhui). */
  region?: string;
}

/** The one national-ID builder of the tests: a valid GB 11643 number, unique within the process (up to 1,000 per birth date and region). */
export function newNationalId(options: NewNationalIdOptions = {}): string {
  sequence = (sequence + 1) % 1000;
  return syntheticNationalId(options.birthDate ?? '19900517', String(sequence).padStart(3, '0'), options.region ?? '310104');
}
