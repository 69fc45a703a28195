import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';

export interface FloatingQuotaLoan {
  readonly areaCode: string;
  /** Places lent (positive) or returned (negative). */
  readonly places: number;
}

export interface FloatingQuotaBalance {
  readonly size: number;
  readonly lent: number;
  readonly available: number;
  readonly byArea: Readonly<Record<string, number>>;
}

/**
 * QUOTA-4: a street holds a floating quota it lends to its residential areas. The balance is the
 * pool size minus what is lent out; a movement that would overdraw the pool, or return more than
 * an area holds, is refused (naming the movement) rather than silently clamped.
 */
export function floatingQuotaBalance(size: number, movements: readonly FloatingQuotaLoan[]): Decision<FloatingQuotaBalance> {
  requireNumber('size', size, { min: 0, max: 10_000, integer: true }, 'QUOTA-4');
  const byArea: Record<string, number> = {};
  let lent = 0;
  movements.forEach((m, i) => {
    requireNumber(`movements[${i}].places`, m.places, { min: -10_000, max: 10_000, integer: true }, 'QUOTA-4');
    const held = (byArea[m.areaCode] ?? 0) + m.places;
    if (held < 0) throw invalidInput(`movements[${i}].places`, `area ${m.areaCode} would return more places than it holds`, 'QUOTA-4');
    if (lent + m.places > size)
      throw invalidInput(`movements[${i}].places`, `lending ${m.places} would exceed the floating quota of ${size}`, 'QUOTA-4');
    byArea[m.areaCode] = held;
    lent += m.places;
  });
  const value = { size, lent, available: size - lent, byArea };
  return new ExplanationBuilder({ size, movements: movements.length })
    .step('QUOTA-4', `Floating quota ${size}, lent ${lent}, available ${size - lent}`, { lent, available: size - lent })
    .decide(value);
}
