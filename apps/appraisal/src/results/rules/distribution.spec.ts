import { checkDistribution } from './distribution';

describe('checkDistribution (APPR-2 calibration)', () => {
  it('APPR-2 flags a unit whose share of excellent grades is over the limit', () => {
    const { checks } = checkDistribution(
      [
        { unitCode: '310101002', total: 50, excellent: 11 },
        { unitCode: '310101013', total: 50, excellent: 10 },
      ],
      0.2,
    );
    expect(checks.map((c) => [c.unitCode, c.allowed, c.over])).toEqual([
      ['310101002', 10, true],
      ['310101013', 10, false],
    ]);
  });

  it('APPR-2 a small unit may always hold one excellent worker', () => {
    const { checks, explanation } = checkDistribution([{ unitCode: '310101002', total: 3, excellent: 1 }], 0.2);
    expect(checks[0]).toMatchObject({ allowed: 1, over: false });
    expect(explanation.rules.map((r) => r.id)).toEqual(['APPR-2']);
  });
});
