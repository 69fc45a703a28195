import { defaultPolicyCatalog } from '@cwp/policy';
import { checkRound, roundProblemMessage } from './round-check';

const catalog = defaultPolicyCatalog();
const today = catalog.inForce('2026-06-01');
const proposal = catalog.inForce('2027-06-01');

describe('checkRound', () => {
  it('REC-2 rounds 1 and 2 are allowed under the version in force today', () => {
    expect(checkRound(today, 1, []).ok).toBe(true);
    expect(checkRound(today, 2, [1]).ok).toBe(true);
  });

  it('REC-2 a 3rd round is refused today with the figures, allowed under the 3-a-year proposal', () => {
    const third = checkRound(today, 3, [1, 2]);
    expect(third).toMatchObject({ ok: false, problem: { kind: 'beyond-rounds', round: 3, rounds: 2 } });
    if (!third.ok) expect(roundProblemMessage(third.problem, 2026)).toMatch(/allows 2 recruitment rounds a year \(REC-2\)/);
    expect(checkRound(proposal, 3, [1, 2]).ok).toBe(true);
  });

  it('REC-2 a 4th round is refused even under the proposal', () => {
    expect(checkRound(proposal, 4, [1, 2, 3])).toMatchObject({ ok: false, problem: { kind: 'beyond-rounds', rounds: 3 } });
  });

  it('REC-2 the explanation cites the rule', () => {
    expect(checkRound(today, 1, []).explanation.rules.map((r) => r.id)).toEqual(['REC-2']);
  });
});
