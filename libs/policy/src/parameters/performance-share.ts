import type { PolicyVersion } from './policy-version';

/** PAY-5: the performance share in force in a pay year (the latest phase that has begun). */
export function performanceShareFor(version: PolicyVersion, year: number): number {
  const phases = version.pay.performanceShare;
  let share = phases[0]!.share;
  for (const p of phases) if (p.fromYear <= year) share = p.share;
  return share;
}
