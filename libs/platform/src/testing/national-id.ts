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
