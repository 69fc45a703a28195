import { invalidInput } from './policy-error';
import type { RuleId } from './rules';

/** Guards a numeric input of a decision; the error names the field and the rule. */
export function requireNumber(
  field: string,
  value: number,
  bounds: { min: number; max: number; integer?: boolean },
  rule?: RuleId,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(field, `${String(value)} must be a number`, rule);
  if (bounds.integer && !Number.isInteger(value)) throw invalidInput(field, `${value} must be a whole number`, rule);
  if (value < bounds.min || value > bounds.max) throw invalidInput(field, `${value} is outside ${bounds.min}..${bounds.max}`, rule);
  return value;
}
