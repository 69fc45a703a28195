/**
 * ⌈m × wage × n⌉, ⌊…⌋ and round-half-up, exact: the multiple to six decimals (ppm) and the product
 * in BigInt, because multiple × wage × headcount exceeds 2^53 for a city. The same arithmetic as
 * libs/policy's band total (not exported there); the grouped-recalibration spec proves the totals equal.
 */
const PPM = 1_000_000n;

export function multipleOfWage(multiple: number, wageFen: number, n: number): { floor: number; ceil: number; round: number } {
  const num = BigInt(Math.round(multiple * 1_000_000)) * BigInt(wageFen) * BigInt(n);
  const floor = num / PPM;
  const rem = num % PPM;
  return { floor: Number(floor), ceil: Number(rem === 0n ? floor : floor + 1n), round: Number(rem * 2n >= PPM ? floor + 1n : floor) };
}
