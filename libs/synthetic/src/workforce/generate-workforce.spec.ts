import { readFileSync } from 'node:fs';
import type { TreeUnit } from '../org-tree/org-tree-unit';
import { join } from 'node:path';
import { DEFAULT_AS_OF, generateWorkforce, planWorkforce, SHANGHAI_WORKFORCE_SIZE } from './generate-workforce';
import { STREET_CENTRES_QUOTA } from './seed-quota';
import type { SyntheticWorker } from './workforce.types';
import { WorkforceTally } from './workforce-tally';

const { units } = JSON.parse(readFileSync(join(__dirname, '../../../../seeds/org-tree/shanghai.json'), 'utf8')) as { units: TreeUnit[] };

function take(iterable: Iterable<SyntheticWorker>, n: number): SyntheticWorker[] {
  const out: SyntheticWorker[] = [];
  for (const worker of iterable) {
    if (out.length === n) break;
    out.push(worker);
  }
  return out;
}

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

describe('generateWorkforce determinism and size', () => {
  it('gives the same first workers for the same seed', () => {
    expect(take(generateWorkforce({ seed: 7, size: 2000, units }), 300)).toEqual(
      take(generateWorkforce({ seed: 7, size: 2000, units }), 300),
    );
  });

  it('gives different workers for a different seed', () => {
    const a = take(generateWorkforce({ seed: 7, size: 500, units }), 100);
    const b = take(generateWorkforce({ seed: 8, size: 500, units }), 100);
    expect(a.map((w) => w.id)).not.toEqual(b.map((w) => w.id));
    expect(a.map((w) => w.name)).not.toEqual(b.map((w) => w.name));
  });

  it('yields exactly `size` workers, with unique ids and employee numbers', () => {
    for (const size of [0, 1, 137, 3000]) {
      const workers = [...generateWorkforce({ seed: 1, size, units })];
      expect(workers).toHaveLength(size);
      expect(new Set(workers.map((w) => w.id)).size).toBe(size);
      expect(new Set(workers.map((w) => w.employeeNo)).size).toBe(size);
      for (const w of workers) expect(w.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('plans exactly 62,000 and 620,000 workers over the whole city', () => {
    for (const size of [SHANGHAI_WORKFORCE_SIZE, SHANGHAI_WORKFORCE_SIZE * 10]) {
      expect(planWorkforce({ seed: 1, size, units }).reduce((sum, a) => sum + a.headcount, 0)).toBe(size);
    }
  });

  it('a smaller set is a prefix of a larger one for the same seed (whole streets in a fixed order)', () => {
    const small = [...generateWorkforce({ seed: 3, size: 1000, units })];
    expect(take(generateWorkforce({ seed: 3, size: 2500, units }), 1000)).toEqual(small);
  });

  it('streams: the first workers of a 620,000 set come without building the set', () => {
    const started = performance.now();
    expect(take(generateWorkforce({ seed: 1, size: 620_000, units }), 10)).toHaveLength(10);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('staffs only the units it is given', () => {
    const street = units.filter((u) => u.code.startsWith('310104003'));
    const workers = [...generateWorkforce({ seed: 1, size: 400, units: street })];
    expect(workers).toHaveLength(400);
    expect(workers.every((w) => w.streetCode === '310104003')).toBe(true);
  });

  it('rejects a bad size, seed or date when called, before the first worker', () => {
    expect(() => generateWorkforce({ seed: 1, size: -1, units })).toThrow(/size/);
    expect(() => generateWorkforce({ seed: 1, size: 2.5, units })).toThrow(/size/);
    expect(() => generateWorkforce({ seed: 1.5, size: 1, units })).toThrow(/seed/);
    expect(() => generateWorkforce({ seed: 1, size: 1, units, asOf: '2026-13-01' })).toThrow(/ISO date/);
    expect(() => generateWorkforce({ seed: 1, size: 1, units, asOf: '2026-02-30' })).toThrow(/ISO date/);
  });
});

describe('generateWorkforce staffing (QUOTA-1..4)', () => {
  const plan = planWorkforce({ seed: 1, size: SHANGHAI_WORKFORCE_SIZE, units });

  it('staffs every area and every street centre group of the Shanghai tree', () => {
    const areas = units.filter((u) => u.kind === 'area').length;
    const streets = units.filter((u) => u.kind === 'street').length;
    expect(plan.filter((a) => a.unit.placement === 'area')).toHaveLength(areas);
    expect(plan.filter((a) => a.unit.placement === 'street-centre')).toHaveLength(streets);
  });

  it('keeps most units within their quota, with vacancies and a few over (QUOTA-4 floating quota)', () => {
    const within = share(plan, (a) => a.headcount <= a.unit.quota);
    expect(within).toBeGreaterThan(0.9);
    expect(within).toBeLessThan(1);
    const vacancies = plan.reduce((sum, a) => sum + Math.max(0, a.unit.quota - a.headcount), 0);
    expect(vacancies).toBeGreaterThan(0);
  });

  it('QUOTA-3: street centres get close to 80, never far above', () => {
    const centres = plan.filter((a) => a.unit.placement === 'street-centre');
    const mean = centres.reduce((sum, a) => sum + a.headcount, 0) / centres.length;
    expect(mean).toBeGreaterThan(55);
    expect(mean).toBeLessThanOrEqual(STREET_CENTRES_QUOTA);
    expect(Math.max(...centres.map((a) => a.headcount))).toBeLessThan(100);
  });
});

describe('synthetic workers', () => {
  const workers = [...generateWorkforce({ seed: 11, size: 6000, units })];
  const asOfYear = Number(DEFAULT_AS_OF.slice(0, 4));

  it('PROM-3: junior : intermediate : senior titles come out near 4 : 4 : 2', () => {
    const titled = workers.filter((w) => w.title !== 'none');
    expect(share(titled, (w) => w.title === 'junior')).toBeCloseTo(0.4, 1);
    expect(share(titled, (w) => w.title === 'intermediate')).toBeCloseTo(0.4, 1);
    expect(share(titled, (w) => w.title === 'senior')).toBeCloseTo(0.2, 1);
  });

  it('POST-1 / PROM-1: levels 1..18 and roles that match the post category', () => {
    const categoryOf = { head: 'head', manager: 'manager', supervisor: 'staff', specialist: 'staff', staff: 'staff' } as const;
    for (const w of workers) {
      expect(w.postLevel).toBeGreaterThanOrEqual(1);
      expect(w.postLevel).toBeLessThanOrEqual(18);
      expect(w.postCategory).toBe(categoryOf[w.role]);
    }
    for (const role of ['head', 'manager', 'supervisor', 'specialist', 'staff']) expect(workers.some((w) => w.role === role)).toBe(true);
  });

  it('ORG-3: both entry routes occur; street centres only recruit', () => {
    expect(share(workers, (w) => w.entryRoute === 'elected')).toBeGreaterThan(0.1);
    expect(workers.filter((w) => w.placement === 'street-centre').every((w) => w.entryRoute === 'recruited')).toBe(true);
  });

  it('REC-4: most hold a junior-college or bachelor degree; recruited workers under 45 at least junior college', () => {
    expect(share(workers, (w) => w.education === 'junior-college' || w.education === 'bachelor')).toBeGreaterThan(0.75);
    const young = workers.filter((w) => w.entryRoute === 'recruited' && asOfYear - Number(w.birthDate.slice(0, 4)) < 44);
    expect(young.every((w) => w.education !== 'below-junior-college')).toBe(true);
  });

  it('dates hang together: working age, hired as an adult, not in the future', () => {
    for (const w of workers) {
      const age = asOfYear - Number(w.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(21);
      expect(age).toBeLessThanOrEqual(61);
      expect(Number(w.hireDate.slice(0, 4)) - Number(w.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(18);
      expect(w.hireDate < DEFAULT_AS_OF).toBe(true);
      for (const c of w.certificates) expect(c.obtainedOn < DEFAULT_AS_OF).toBe(true);
    }
  });

  it('carries no national ID or phone number, and says it is synthetic', () => {
    for (const w of workers.slice(0, 500)) {
      const json = JSON.stringify(w);
      expect(json).not.toMatch(/\d{15,18}|[0-9]{17}[0-9X]/);
      expect(Object.keys(w).some((key) => /national|idcard|idNumber|phone|mobile/i.test(key))).toBe(false);
      expect(w.synthetic).toBe(true);
    }
  });

  it('mostly on duty, with some on leave (QUOTA-6 on-duty rate)', () => {
    expect(share(workers, (w) => w.status === 'leave')).toBeGreaterThan(0.01);
    expect(share(workers, (w) => w.status === 'on-duty')).toBeGreaterThan(0.9);
  });
});

describe('WorkforceTally', () => {
  it('counts a stream and reports PROM-3 title shares', () => {
    const tally = new WorkforceTally();
    for (const worker of generateWorkforce({ seed: 2, size: 3000, units })) tally.add(worker);
    expect(tally.count).toBe(3000);
    const shares = tally.titleShares();
    expect(shares.junior + shares.intermediate + shares.senior).toBeCloseTo(1, 9);
    expect(shares.senior).toBeCloseTo(0.2, 1);
    expect(tally.format()).toMatch(/3000 workers[\s\S]*PROM-3 titled shares junior/);
  });
});
