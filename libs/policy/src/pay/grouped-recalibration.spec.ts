import fc from 'fast-check';
import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { recalibrateGroups, type PayGroup } from './grouped-recalibration';
import type { PostCategory } from '../parameters/policy-version';
import { recalibrate } from './recalibration';

const policy = defaultPolicyCatalog().byId('2027-proposal');
const wage = { year: 2026, annualFen: 14_400_000 };

/** Expands groups into workers in group order (ids sort in that order) and gives each its grouped figure. */
function perWorker(groups: readonly PayGroup[], outcome: ReturnType<typeof recalibrateGroups>['value']) {
  const workers: Array<{ id: string; category: PostCategory; level: number; yearsOfService: number }> = [];
  const pay: number[] = [];
  groups.forEach((g, gi) => {
    const o = outcome.groups[gi]!;
    for (let k = 0; k < g.workers; k++) {
      workers.push({ id: `w${gi}-${k}`, category: g.category, level: g.level, yearsOfService: g.yearsOfService });
      pay.push(o.floorFen + (k < o.extraWorkers ? 1 : 0));
    }
  });
  return { workers, pay };
}

const groupArb = fc.record({
  category: fc.constantFrom<PostCategory>('head', 'manager', 'staff'),
  level: fc.integer({ min: 1, max: 18 }),
  yearsOfService: fc.integer({ min: 0, max: 40 }),
  workers: fc.integer({ min: 1, max: 40 }),
});

describe('recalibrateGroups (PAY-3 over post/level/service groups)', () => {
  it('PAY-3: same total as libs/policy recalibrate, every worker within one fen of it, parts summing exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(groupArb, { minLength: 1, maxLength: 12, selector: (g) => `${g.category}/${g.level}/${g.yearsOfService}` }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        (groups, multiplier) => {
          const grouped = recalibrateGroups(policy, { payYear: 2027, referenceWage: wage, groups, multiplier }).value;
          const { workers, pay } = perWorker(groups, grouped);
          const reference = recalibrate(policy, { payYear: 2027, referenceWage: wage, workers, multiplier }).value;
          expect(grouped.totalFen).toBe(reference.totalFen);
          expect(pay.reduce((a, b) => a + b, 0)).toBe(grouped.totalFen);
          reference.changes.forEach((c, i) => expect(Math.abs(c.newAnnualFen - pay[i]!)).toBeLessThanOrEqual(1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('PAY-7: a multiple above the ceiling is cut to it and every group explains the hold', () => {
    const ceilingPolicy = { ...policy, pay: { ...policy.pay, ceilingMultiplier: 1.1 } };
    const out = recalibrateGroups(ceilingPolicy, {
      payYear: 2027,
      referenceWage: wage,
      groups: [{ category: 'staff', level: 3, yearsOfService: 2, workers: 10 }],
      multiplier: 1.3,
    });
    expect(out.value.heldByCeiling).toBe(true);
    expect(out.value.targetMultiple).toBe(1.1);
    expect(out.value.totalFen).toBe(Math.round(1.1 * wage.annualFen * 10));
    expect(out.value.groups[0]!.explanation.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['POST-1', 'PAY-2', 'PAY-3', 'PAY-5', 'PAY-7']),
    );
  });

  it('PAY-3: refuses a multiplier outside the band naming the field, and a wage of the wrong year', () => {
    const groups: PayGroup[] = [{ category: 'staff', level: 1, yearsOfService: 0, workers: 1 }];
    expect(() => recalibrateGroups(policy, { payYear: 2027, referenceWage: wage, groups, multiplier: 1.6 })).toThrow(
      'multiplier: 1.6 is outside the band 1..1.5 (PAY-3)',
    );
    expect(() => recalibrateGroups(policy, { payYear: 2027, referenceWage: { year: 2025, annualFen: 1 }, groups })).toThrow(
      /referenceWage.year/,
    );
  });
});
