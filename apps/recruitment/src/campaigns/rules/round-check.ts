import { recruitmentRoundsPerYear, type Explanation, type PolicyVersion } from '@cwp/policy';

export type RoundProblem =
  { kind: 'beyond-rounds'; round: number; rounds: number; held: number[] } | { kind: 'all-rounds-held'; rounds: number; held: number[] };

/**
 * REC-2: the round asked for must be one of the version's rounds a year (two today, three under
 * the proposal), and the district may not hold more campaigns than that in the year. Returns the
 * problem with its figures, or the explanation of the check that passed.
 */
export function checkRound(
  policy: PolicyVersion,
  round: number,
  held: readonly number[],
): { ok: true; explanation: Explanation } | { ok: false; problem: RoundProblem; explanation: Explanation } {
  const decision = recruitmentRoundsPerYear(policy);
  const rounds = decision.value.rounds;
  if (round > rounds)
    return { ok: false, problem: { kind: 'beyond-rounds', round, rounds, held: [...held] }, explanation: decision.explanation };
  if (held.filter((r) => r !== round).length >= rounds)
    return { ok: false, problem: { kind: 'all-rounds-held', rounds, held: [...held] }, explanation: decision.explanation };
  return { ok: true, explanation: decision.explanation };
}

export function roundProblemMessage(problem: RoundProblem, year: number): string {
  return problem.kind === 'beyond-rounds'
    ? `Round ${problem.round} of ${year} refused: the policy in force allows ${problem.rounds} recruitment rounds a year (REC-2)`
    : `The district already holds rounds ${problem.held.join(', ')} of ${year}: the policy in force allows ${problem.rounds} a year (REC-2)`;
}
