import fc from 'fast-check';
import { parsePolicyVersion } from '../parameters/parse-policy-version';
import { POST_CATEGORIES } from '../parameters/policy-version';
import { SHIPPED_POLICY_VERSIONS, defaultPolicyCatalog } from '../parameters/shipped-versions';
import { recalibrate, type RecalibrationWorker } from './recalibration';

const current = defaultPolicyCatalog().byId('2016-current');
const proposal = defaultPolicyCatalog().byId('2027-proposal');
/** Shanghai's 2013 average wage, ¥60,435 a year (PAY-1 base year). */
const wage2013 = { year: 2013, annualFen: 6_043_500 };
const workers: RecalibrationWorker[] = [
  { id: 'w1', category: 'staff', level: 1, yearsOfService: 0 },
  { id: 'w2', category: 'staff', level: 6, yearsOfService: 7 },
  { id: 'w3', category: 'manager', level: 10, yearsOfService: 15 },
  { id: 'w4', category: 'head', level: 15, yearsOfService: 25 },
];
const totalOf = (changes: readonly { newAnnualFen: number }[]) => changes.reduce((a, c) => a + c.newAnnualFen, 0);

describe('recalibrate', () => {
  it('PAY-1 puts average pay at 1.05× the 2013 wage under the current policy, exactly', () => {
    const d = recalibrate(current, { payYear: 2016, referenceWage: wage2013, workers });
    expect(d.value.totalFen).toBe(Math.round(1.05 * 6_043_500 * 4));
    expect(totalOf(d.value.changes)).toBe(d.value.totalFen);
    expect(d.value.averageMultiple).toBe(1.05);
    expect(d.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-5', 'PAY-7']));
  });

  it('PAY-2 keeps the matrix order: higher posts and levels stay better paid', () => {
    const pay = recalibrate(current, { payYear: 2016, referenceWage: wage2013, workers }).value.changes.map((c) => c.newAnnualFen);
    expect([...pay].sort((a, b) => a - b)).toEqual(pay);
  });

  it("PAY-3 the proposal uses the previous year's wage and refuses another year", () => {
    const wage2026 = { year: 2026, annualFen: 14_000_000 };
    const d = recalibrate(proposal, { payYear: 2027, referenceWage: wage2026, workers });
    expect(d.value.averageMultiple).toBe(1.2);
    expect(() => recalibrate(proposal, { payYear: 2027, referenceWage: wage2013, workers })).toThrow(
      /^referenceWage\.year: 2013 given.*\(PAY-3\)$/,
    );
  });

  it('PAY-3 rejects a chosen multiple outside the band', () => {
    expect(() => recalibrate(current, { payYear: 2016, referenceWage: wage2013, workers, multiplier: 1.45 })).toThrow(
      /^multiplier: 1\.45 is outside the band 1\.\.1\.4 \(PAY-3\)$/,
    );
  });

  it('PAY-7 a multiple above the ceiling is cut to the ceiling', () => {
    const raw = structuredClone(SHIPPED_POLICY_VERSIONS[1]) as Record<string, any>;
    raw.pay.ceilingMultiplier = 1.3;
    raw.pay.multiplier = 1.4;
    const capped = parsePolicyVersion(raw);
    const d = recalibrate(capped, { payYear: 2027, referenceWage: { year: 2026, annualFen: 14_000_000 }, workers });
    expect(d.value.targetMultiple).toBe(1.3);
    expect(d.value.averageMultiple).toBe(1.3);
    expect(d.explanation.steps.some((s) => s.rule === 'PAY-7' && s.say.includes('ceiling'))).toBe(true);
  });

  it('PAY-3/PAY-7 reports who loses and gains against current pay', () => {
    const d = recalibrate(current, {
      payYear: 2016,
      referenceWage: wage2013,
      workers: [{ ...workers[0]!, currentAnnualFen: 99_000_000 }, { ...workers[1]!, currentAnnualFen: 1 }, workers[2]!],
    });
    expect(d.value.changes[0]!.deltaFen).toBeLessThan(0);
    expect(d.value.changes[1]!.deltaFen).toBeGreaterThan(0);
    expect(d.value.losers).toBeGreaterThanOrEqual(1);
    expect(d.value.gainers).toBeGreaterThanOrEqual(1);
    expect(d.value.gainers + d.value.losers + d.value.unchanged).toBe(3);
  });

  it('PAY-4 flags the years in which the multiplier is due to be re-measured', () => {
    const d = recalibrate(current, { payYear: 2020, referenceWage: wage2013, workers });
    expect(d.explanation.rules.map((r) => r.id)).toContain('PAY-4');
    expect(recalibrate(current, { payYear: 2019, referenceWage: wage2013, workers }).explanation.rules.map((r) => r.id)).not.toContain(
      'PAY-4',
    );
  });

  it('PAY-3/PAY-7 property: the average lands inside the band, never above the ceiling, and the total is exact', () => {
    const worker = fc.record({
      id: fc.string(),
      category: fc.constantFrom(...POST_CATEGORIES),
      level: fc.integer({ min: 1, max: 18 }),
      yearsOfService: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(worker, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1_000_000, max: 50_000_000 }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        fc.constantFrom(current, proposal),
        (ws, wageFen, m, policy) => {
          const payYear = policy === current ? 2016 : 2028;
          const referenceWage = { year: policy === current ? 2013 : 2027, annualFen: wageFen };
          const multiplier = Math.min(policy.pay.band.max, Math.max(policy.pay.band.min, m));
          const v = recalibrate(policy, { payYear, referenceWage, workers: ws, multiplier }).value;
          const n = BigInt(ws.length);
          const total = BigInt(v.totalFen);
          // total / n / wage within [band.min, min(band.max, ceiling)], checked in exact integers (ppm).
          const ppm = (x: number) => BigInt(Math.round(x * 1e6));
          expect(total * 1_000_000n >= ppm(policy.pay.band.min) * BigInt(wageFen) * n).toBe(true);
          expect(total * 1_000_000n <= ppm(Math.min(policy.pay.band.max, policy.pay.ceilingMultiplier)) * BigInt(wageFen) * n).toBe(true);
          expect(totalOf(v.changes)).toBe(v.totalFen);
        },
      ),
      { numRuns: 150 },
    );
  });
});
