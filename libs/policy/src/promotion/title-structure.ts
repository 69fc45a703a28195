import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { roundTo } from '../money/rounding';
import { TITLE_LEVELS, type PolicyVersion, type TitleLevel } from '../parameters/policy-version';

export type TitleCounts = Readonly<Record<TitleLevel, number>>;

export interface TitlePromotionCheck {
  readonly allowed: boolean;
  readonly after: TitleCounts;
  /** Share of each title after the promotion, and its target share (4 decimals). */
  readonly sharesAfter: Readonly<Record<TitleLevel, number>>;
  readonly targetShares: Readonly<Record<TitleLevel, number>>;
  /** Most the promoted-to title may hold: target share + tolerance. */
  readonly ceilingShare: number;
}

/**
 * PROM-3 (with PROM-1's title ladder): a title promotion is allowed when, afterwards, the title
 * promoted to holds no more than its target share (4:4:2) plus the tolerance. Only the receiving
 * title can be overfilled by a promotion, so only its upper bound is checked: a unit that is
 * below target in senior titles may always promote towards the structure.
 */
export function checkTitlePromotion(
  policy: PolicyVersion,
  counts: TitleCounts,
  from: TitleLevel,
  to: TitleLevel,
): Decision<TitlePromotionCheck> {
  for (const t of TITLE_LEVELS) requireNumber(`counts.${t}`, counts[t], { min: 0, max: 1e6, integer: true }, 'PROM-3');
  if (!TITLE_LEVELS.includes(from) || !TITLE_LEVELS.includes(to))
    throw invalidInput('to', `titles are ${TITLE_LEVELS.join(', ')}`, 'PROM-1');
  if (TITLE_LEVELS.indexOf(to) !== TITLE_LEVELS.indexOf(from) + 1)
    throw invalidInput('to', `a promotion goes one step up the ladder ${TITLE_LEVELS.join(' → ')}`, 'PROM-1');
  if (counts[from] < 1) throw invalidInput(`counts.${from}`, `no ${from} worker to promote`, 'PROM-3');
  const r = policy.promotion;
  const ex = new ExplanationBuilder({ counts, from, to }, policy.id).step('PROM-1', `Title promotion ${from} → ${to}`);
  const after = { ...counts, [from]: counts[from] - 1, [to]: counts[to] + 1 } as Record<TitleLevel, number>;
  const total = TITLE_LEVELS.reduce((a, t) => a + after[t], 0);
  const ratioSum = TITLE_LEVELS.reduce((a, t) => a + r.titleRatio[t], 0);
  const targetShares = Object.fromEntries(TITLE_LEVELS.map((t) => [t, roundTo(r.titleRatio[t] / ratioSum, 4)])) as Record<
    TitleLevel,
    number
  >;
  const sharesAfter = Object.fromEntries(TITLE_LEVELS.map((t) => [t, roundTo(after[t] / total, 4)])) as Record<TitleLevel, number>;
  const ceilingShare = r.titleRatio[to] / ratioSum + r.tolerance;
  // Compare exactly (count against share × total), not the rounded display shares.
  const allowed = after[to] <= ceilingShare * total + 1e-9;
  ex.step(
    'PROM-3',
    `After: ${TITLE_LEVELS.map((t) => `${t} ${after[t]}`).join(', ')}; ${to} share ${sharesAfter[to]} against target ${targetShares[to]} + tolerance ${r.tolerance}: ${allowed ? 'within' : 'OUTSIDE'} the ${TITLE_LEVELS.map((t) => r.titleRatio[t]).join(':')} structure`,
    { sharesAfter, targetShares },
  );
  return ex.decide({ allowed, after, sharesAfter, targetShares, ceilingShare: roundTo(ceilingShare, 4) });
}
