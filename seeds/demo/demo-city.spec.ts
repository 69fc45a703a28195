import { POOL_PREFERRED_MAJORS, SOCIAL_WORKER_QUALIFICATIONS, type PoolMajor } from '@cwp/contracts';
import { checkNationalId, defaultPolicyCatalog } from '@cwp/policy';
import { copyLine } from './copy-text';
import { DEMO_ID_REGION } from './demo-city';
import { demoExit } from './demo-exits';
import { generateWorkforce, loadOrgTreeFile } from './generator';
import { planDemoEntries } from './reserve-entries';

const TREE = loadOrgTreeFile('seeds/org-tree/shanghai.json');
const AS_OF = '2026-07-01';
const workers = [...generateWorkforce({ seed: 1, size: 3000, units: TREE.units, asOf: AS_OF })];

describe('demo city: COPY text lines', () => {
  it('separates with tabs, writes null as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyLine(['a', 1, null, true])).toBe('a\t1\t\\N\ttrue\n');
    expect(copyLine(['x\\y', 'tab\there', 'two\nlines', 'cr\r'])).toBe('x\\\\y\ttab\\there\ttwo\\nlines\tcr\\r\n');
    // JSON's own escapes are backslashes too: COPY doubles them, PostgreSQL reads them back once.
    expect(copyLine([JSON.stringify({ say: '张三 "quoted"' })])).toBe(String.raw`{"say":"张三 \\"quoted\\""}` + '\n');
  });
});

describe('demo city: exits (EXIT-2, EXIT-3, ORG-3)', () => {
  const exits = workers.map((w) => ({ worker: w, exit: demoExit(w, AS_OF, 0.08) }));
  const exited = exits.filter((e) => e.exit !== null);

  it('are the same on every run (a function of the worker and the day)', () => {
    expect(workers.map((w) => demoExit(w, AS_OF, 0.08))).toEqual(exits.map((e) => e.exit));
  });

  it('pick about the requested share, none at share 0', () => {
    expect(exited.length / workers.length).toBeGreaterThan(0.06);
    expect(exited.length / workers.length).toBeLessThan(0.1);
    expect(workers.every((w) => demoExit(w, AS_OF, 0) === null)).toBe(true);
  });

  it('fall in the two years before the day and never before the hire date', () => {
    for (const { worker, exit } of exited) {
      expect(exit!.exitedOn >= worker.hireDate).toBe(true);
      expect(exit!.exitedOn <= AS_OF).toBe(true);
      expect(exit!.exitedOn >= '2024-07-01').toBe(true);
    }
  });

  it('give elected workers only a cause provided by law (EXIT-2), recruited workers EXIT-3 causes, each explained', () => {
    for (const { worker, exit } of exited) {
      expect(exit!.rules).toContain('ORG-3');
      if (worker.entryRoute === 'elected') {
        expect(exit!.cause).toBe('law');
        expect(exit!.rules).toContain('EXIT-2');
      } else {
        expect(exit!.rules).toContain('EXIT-3');
        if (exit!.cause === 'unqualified-two-years') expect(exit!.rules).toContain('APPR-5');
      }
      expect(exit!.explanation.steps.length).toBeGreaterThan(0);
    }
    expect(new Set(exited.map((e) => e.exit!.cause))).toEqual(new Set(['law', 'unqualified-two-years', 'unable-after-training']));
  });
});

describe('demo city: reserve entries (POOL-1, POOL-2)', () => {
  const today = '2026-12-02';
  const bounds = defaultPolicyCatalog().inForce(today).pool.reservePeriodMonths;
  const plans = planDemoEntries(300, TREE.units, today, bounds);

  it('have fixed, unique Idempotency-Keys and the same requests on every run (a rerun adds nothing)', () => {
    expect(new Set(plans.map((p) => p.idempotencyKey)).size).toBe(300);
    expect(plans[0]!.idempotencyKey).toBe('demo-city-entry-000');
    expect(planDemoEntries(300, TREE.units, today, bounds)).toEqual(plans);
  });

  it('stagger their reserve periods across the POOL-2 bounds in force (the API dates every registration today)', () => {
    const months = plans.map((p) => p.registration.reservePeriodMonths);
    expect(Math.min(...months)).toBe(bounds.min);
    expect(Math.max(...months)).toBe(bounds.max);
    expect(new Set(months).size).toBe(bounds.max - bounds.min + 1);
  });

  it('fit their source category (POOL-1) and are held by streets or districts', () => {
    for (const { registration } of plans) {
      if (registration.source === 'student') expect(POOL_PREFERRED_MAJORS).toContain(registration.major as PoolMajor);
      if (registration.source === 'social-worker')
        expect(registration.certificates.some((c) => (SOCIAL_WORKER_QUALIFICATIONS as readonly string[]).includes(c))).toBe(true);
      expect(registration.holdingUnit).toMatch(/^31\d{4}(\d{3})?$/);
    }
    expect(new Set(plans.map((p) => p.registration.source)).size).toBe(4);
  });

  it('carry valid, unique national IDs of a region code never issued, so none is a real person', () => {
    const ids = plans.map((p) => p.registration.nationalId);
    expect(new Set(ids).size).toBe(300);
    for (const id of ids) {
      expect(id.startsWith(DEMO_ID_REGION)).toBe(true);
      expect(checkNationalId(id, new Date(`${today}T00:00:00Z`)).valid).toBe(true);
    }
  });
});
