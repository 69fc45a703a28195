/**
 * Exact bounds of a payroll total: multiples are honoured to six decimals (parts per million) and
 * the products computed in BigInt, because multiple × wage × headcount exceeds 2^53 for a city.
 */
const PPM = 1_000_000n;

export function toPpm(multiple: number): bigint {
  return BigInt(Math.round(multiple * 1_000_000));
}

/** ⌈multiple × wage × n⌉, ⌊…⌋ and round-half-up of it, as safe integers (fen). */
export function multipleOfWage(multiple: number, wageFen: number, n: number): { floor: number; ceil: number; round: number } {
  const num = toPpm(multiple) * BigInt(wageFen) * BigInt(n);
  const floor = num / PPM;
  const rem = num % PPM;
  return {
    floor: Number(floor),
    ceil: Number(rem === 0n ? floor : floor + 1n),
    round: Number(rem * 2n >= PPM ? floor + 1n : floor),
  };
}
