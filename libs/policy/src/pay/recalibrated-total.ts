import type { ExplanationBuilder } from '../explain/explanation';
import type { PolicyVersion } from '../parameters/policy-version';
import { multipleOfWage } from './band-total';

/**
 * PAY-3, PAY-7: the year's exact total for `n` workers, shared by `recalibrate` (per worker) and
 * `recalibrateGroups` (per group): the chosen multiple of the reference wage, cut to the ceiling,
 * kept inside the band, in whole fen. Explains both steps on `ex`.
 */
export function recalibratedTotal(
  p: PolicyVersion['pay'],
  chosen: number,
  wage: number,
  n: number,
  ex: ExplanationBuilder,
): { targetMultiple: number; heldByCeiling: boolean; totalFen: number } {
  const targetMultiple = Math.min(chosen, p.ceilingMultiplier);
  const heldByCeiling = chosen > p.ceilingMultiplier;
  if (heldByCeiling)
    ex.step('PAY-7', `Chosen multiple ${chosen} is above the ceiling ${p.ceilingMultiplier}: cut to the ceiling`, targetMultiple);
  const low = multipleOfWage(p.band.min, wage, n).ceil;
  const high = multipleOfWage(Math.min(p.band.max, p.ceilingMultiplier), wage, n).floor;
  const totalFen = Math.min(high, Math.max(low, multipleOfWage(targetMultiple, wage, n).round));
  ex.step(
    'PAY-3',
    `Average at ${targetMultiple} × ${wage} fen inside the band ${p.band.min}..${p.band.max}: total ${totalFen} fen for ${n} workers`,
    totalFen,
  );
  return { targetMultiple, heldByCeiling, totalFen };
}
