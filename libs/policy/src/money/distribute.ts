import { invalidInput } from '../explain/policy-error';

/**
 * Splits an integer total (fen) in proportion to non-negative weights so that the parts sum to the
 * total exactly (largest-remainder / Hamilton method). Each part is floor(total·w/Σw) plus one fen
 * for the parts with the largest remainders; ties go to the earlier index, so the result is
 * deterministic. When every weight is zero, nothing can be shared and every part is 0.
 */
export function distributeByLargestRemainder(totalFen: number, weights: ArrayLike<number>, field = 'weights'): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0)
    throw invalidInput('totalFen', `${totalFen} must be a non-negative whole number of fen`);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw invalidInput(`${field}[${i}]`, `${w} must be a non-negative number`);
    sum += w;
  }
  const parts = new Array<number>(weights.length).fill(0);
  if (sum === 0 || weights.length === 0) return parts;
  const remainders = new Float64Array(weights.length);
  let allotted = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (totalFen * weights[i]!) / sum;
    const floor = Math.floor(exact);
    parts[i] = floor;
    remainders[i] = exact - floor;
    allotted += floor;
  }
  let left = totalFen - allotted;
  if (left > 0) {
    const order: number[] = [];
    for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) order.push(i);
    order.sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    // Float error can make `left` exceed the number of positive weights by at most a few fen;
    // cycling keeps the total exact in that case too.
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!]! += 1;
  } else if (left < 0) {
    // Float error rounded some quotient up to a whole fen: take it back from the smallest remainders.
    const order: number[] = [];
    for (let i = 0; i < weights.length; i++) if (parts[i]! > 0) order.push(i);
    order.sort((a, b) => remainders[a]! - remainders[b]! || b - a);
    for (let k = 0; left < 0; k = (k + 1) % order.length, left++) parts[order[k]!]! -= 1;
  }
  return parts;
}
