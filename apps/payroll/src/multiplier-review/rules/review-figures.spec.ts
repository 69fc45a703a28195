import { reviewFigures } from './review-figures';

describe('PAY-4 multiplier review figures', () => {
  it('PAY-1: each year with an applied recalibration gets its pay-to-wage ratio; a year without stays null; all explained', () => {
    const { figures, explanation } = reviewFigures(2028, [
      { year: 2024, averageWageFen: null, referenceWageFen: null, multiplier: null, workers: null, totalFen: null },
      { year: 2025, averageWageFen: 14_000_000, referenceWageFen: 13_500_000, multiplier: 1.2, workers: 10, totalFen: 162_000_000 },
    ]);
    expect(figures.map((f) => f.payToWage)).toEqual([null, 1.2]);
    expect(explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['PAY-4', 'PAY-3', 'PAY-1']));
    expect(explanation.steps[0]!.say).toContain('2024–2025');
    expect(explanation.steps.map((s) => s.say)).toContain('2024: no recalibration applied');
  });
});
