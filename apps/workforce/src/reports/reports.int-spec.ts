/**
 * QUOTA-6 report on real PostgreSQL over a small generated roster: every figure is recomputed
 * here in plain TypeScript from the generated workers and the stored quotas, independently of the
 * report's SQL, and compared.
 */
import { CITY_CODE, type OrgUnit, type Principal, type testing } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { generateWorkforce } from '@cwp/synthetic';
import { loadReferenceData } from '../reference-data';
import { createWorkforceIntContext, ORG_TREE_FILE as TREE, type WorkforceIntContext } from '../testing';
import { loadSyntheticWorkers, workerRow } from '../workers';
import { ReportsModule } from './reports.module';
import { ReportsService } from './reports.service';

const catalog = defaultPolicyCatalog();
const city: Principal = { sub: 'city-op', role: 'city', unit: '31' };
const FROM = '2025-07-01';
const TO = '2026-06-30';
const LOAD = { exitedShare: 0.1, asOf: '2026-07-01' };

interface W {
  unit: string;
  status: string;
  title: string | null;
  birth: string;
  education: string;
  hired: string;
  exited: string | null;
}

function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

describe('staffing report (QUOTA-6, PROM-3, ORG-4) on real PostgreSQL', () => {
  let ctx: WorkforceIntContext;
  let ds: testing.TestDataSource;
  let reports: ReportsService;
  let workers: W[];
  let units: Map<string, OrgUnit>;
  let quotaByUnit: Map<string, number>;

  beforeAll(async () => {
    ctx = await createWorkforceIntContext({ schemaPrefix: 'wf_report_it', imports: [ReportsModule] });
    ds = ctx.ds;
    await loadReferenceData(ds, TREE, catalog, 5);
    const tree = ctx.directory.unitsWithin(CITY_CODE);
    units = new Map(tree.map((u) => [u.code, u]));
    const generated = [...generateWorkforce({ seed: 11, size: 4000, units: tree })];
    await loadSyntheticWorkers(ds, generated, { ...LOAD, batchSize: 700 });
    workers = generated.map((g) => {
      const r = workerRow(g, LOAD);
      return {
        unit: r[1] as string,
        status: r[2] as string,
        title: r[7] as string | null,
        birth: r[11] as string,
        education: r[12] as string,
        hired: r[14] as string,
        exited: r[15] as string | null,
      };
    });
    // Lend a few floating places so borrowed quota is part of the figures (QUOTA-4).
    const area = workers.find((w) => w.unit.length === 12)!.unit;
    await ds.query("UPDATE quotas SET borrowed = 2 WHERE unit_code = $1 AND kind = 'area'", [area]);
    await ds.query("UPDATE quotas SET lent = 2 WHERE unit_code = $1 AND kind = 'floating'", [area.slice(0, 9)]);
    const rows = (await ds.query("SELECT unit_code, value + borrowed AS q FROM quotas WHERE kind IN ('area', 'centre')")) as Array<{
      unit_code: string;
      q: number;
    }>;
    quotaByUnit = new Map(rows.map((r) => [r.unit_code, r.q]));
    reports = ctx.get(ReportsService);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  /** The figures of one subtree (and optionally one region kind), recomputed in TypeScript. */
  function expected(prefix: string, region?: string) {
    const inRegion = (code: string) => !region || units.get(code)?.region === region;
    const ws = workers.filter((w) => w.unit.startsWith(prefix) && inRegion(w.unit));
    const current = ws.filter((w) => w.status !== 'exited');
    const employedOn = (day: string) => ws.filter((w) => w.hired <= day && (w.exited === null || w.exited > day)).length;
    const quotaUnits = [...quotaByUnit.keys()].filter((c) => c.startsWith(prefix) && inRegion(c));
    const headcountOf = new Map<string, number>();
    for (const w of current) headcountOf.set(w.unit, (headcountOf.get(w.unit) ?? 0) + 1);
    const quota = quotaUnits.reduce((s, c) => s + quotaByUnit.get(c)!, 0);
    const vacancies = quotaUnits.reduce((s, c) => s + Math.max(0, quotaByUnit.get(c)! - (headcountOf.get(c) ?? 0)), 0);
    const count = (f: (w: W) => boolean) => current.filter(f).length;
    const exits = ws.filter((w) => w.exited !== null && w.exited >= FROM && w.exited <= TO).length;
    const avg = (employedOn(FROM) + employedOn(TO)) / 2;
    return {
      quota,
      vacancies,
      headcount: current.length,
      onDuty: count((w) => w.status === 'on-duty'),
      exits,
      averageHeadcount: avg,
      turnoverRate: Math.round((exits / avg) * 10_000) / 10_000,
      onDutyRate: Math.round((count((w) => w.status === 'on-duty') / quota) * 10_000) / 10_000,
      titles: {
        junior: count((w) => w.title === 'junior'),
        intermediate: count((w) => w.title === 'intermediate'),
        senior: count((w) => w.title === 'senior'),
        none: count((w) => w.title === null),
      },
      ages: {
        under30: count((w) => ageOn(w.birth, TO) < 30),
        from30to39: count((w) => ageOn(w.birth, TO) >= 30 && ageOn(w.birth, TO) < 40),
        from40to49: count((w) => ageOn(w.birth, TO) >= 40 && ageOn(w.birth, TO) < 50),
        from50: count((w) => ageOn(w.birth, TO) >= 50),
      },
      education: {
        'below-junior-college': count((w) => w.education === 'below-junior-college'),
        'junior-college': count((w) => w.education === 'junior-college'),
        bachelor: count((w) => w.education === 'bachelor'),
        master: count((w) => w.education === 'master'),
        doctorate: count((w) => w.education === 'doctorate'),
      },
    };
  }

  function pick(f: {
    quota: number;
    vacancies: number;
    headcount: number;
    onDuty: number;
    exits: number;
    averageHeadcount: number;
    turnoverRate: number | null;
    onDutyRate: number | null;
    titles: { counts: object };
    ages: object;
    education: object;
  }) {
    const { quota, vacancies, headcount, onDuty, exits, averageHeadcount, turnoverRate, onDutyRate, ages, education } = f;
    return {
      quota,
      vacancies,
      headcount,
      onDuty,
      exits,
      averageHeadcount,
      turnoverRate,
      onDutyRate,
      titles: f.titles.counts,
      ages,
      education,
    };
  }

  it('QUOTA-6: city-wide figures match the ones recomputed from the generated workers', async () => {
    const report = await reports.staffing('31', { from: FROM, to: TO }, city);
    expect(pick(report.total)).toEqual(expected('31'));
    expect(report.total.exits).toBeGreaterThan(0);
    expect(report.total.vacancies).toBeGreaterThan(0);
  });

  it('ORG-4: each region kind is reported on its own and the regions add up to the total', async () => {
    const report = await reports.staffing('31', { from: FROM, to: TO }, city);
    const regions = Object.keys(report.byRegion);
    expect(regions.length).toBeGreaterThan(1);
    for (const region of regions) expect(pick(report.byRegion[region as 'central']!)).toEqual(expected('31', region));
    expect(regions.reduce((s, r) => s + report.byRegion[r as 'central']!.headcount, 0)).toBe(report.total.headcount);
  });

  it('QUOTA-6: a district and a street report over their own subtree only', async () => {
    const street = workers[0]!.unit.slice(0, 9);
    const district = street.slice(0, 6);
    const operator: Principal = { sub: 'district-op', role: 'district', unit: district };
    expect(pick((await reports.staffing(district, { from: FROM, to: TO }, operator)).total)).toEqual(expected(district));
    const streetReport = await reports.staffing(street, { from: FROM, to: TO }, operator);
    expect(pick(streetReport.total)).toEqual(expected(street));
    expect(streetReport.total.streets).toBe(1);
  });

  it('PROM-3: the title structure is compared with 4:4:2 and says whether it is within tolerance', async () => {
    const { total, explanation } = await reports.staffing('31', { from: FROM, to: TO }, city);
    const titled = total.titles.counts.junior + total.titles.counts.intermediate + total.titles.counts.senior;
    expect(total.titles.shares.junior).toBeCloseTo(total.titles.counts.junior / titled, 4);
    const within = (['junior', 'intermediate', 'senior'] as const).every(
      (t) => Math.abs(total.titles.shares[t]! - total.titles.target[t]) <= 0.05 + 1e-9,
    );
    expect(total.titles.withinTolerance).toBe(within);
    expect(explanation.rules.map((r) => r.id)).toEqual(['QUOTA-6', 'PROM-3', 'ORG-4']);
  });

  it('ORG-2: a unit outside the operator’s scope answers 404; a bad period names the field', async () => {
    const street = workers[0]!.unit.slice(0, 9);
    const otherDistrict = [...units.values()].find((u) => u.kind === 'district' && u.code !== street.slice(0, 6))!.code;
    const operator: Principal = { sub: 'district-op', role: 'district', unit: otherDistrict };
    await expect(reports.staffing(street, {}, operator)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reports.staffing('31', { from: '2026-05-01', to: '2026-04-01' }, city)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'from',
    });
    // A period before the first policy version (2016) is the caller's date: 400 naming `to`, not a 500 (found by schemathesis).
    await expect(reports.staffing('31', { to: '1996-03-03' }, city)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });

  // Last in this file: it moves workers, so the figures recomputed above no longer hold after it.
  it('ORG-2/QUOTA-6: a transfer across the subtree boundary counts at the old unit before it takes effect and at the new one after', async () => {
    const rows = (await ds.query(
      `SELECT id, unit_code FROM workers WHERE status = 'on-duty' AND hired_on < $1 AND length(unit_code) = 12 ORDER BY id LIMIT 2`,
      [FROM],
    )) as Array<{ id: string; unit_code: string }>;
    const [inPeriod, afterPeriod] = rows;
    const origin = inPeriod!.unit_code.slice(0, 6);
    const destination = [...quotaByUnit.keys()].find(
      (c) => c.length === 12 && !c.startsWith(origin) && c.slice(0, 6) !== afterPeriod!.unit_code.slice(0, 6),
    )!;
    const figures = async (code: string) => (await reports.staffing(code, { from: FROM, to: TO }, city)).total;
    const [originBefore, destinationBefore, cityBefore] = await Promise.all([
      figures(origin),
      figures(destination.slice(0, 6)),
      figures('31'),
    ]);
    // What the roster's transfer writes (WorkerLifecycleService.transfer): the new unit and a history row.
    const transfer = async (id: string, from: string, occurredOn: string) => {
      await ds.query('UPDATE workers SET unit_code = $2 WHERE id = $1', [id, destination]);
      await ds.query(
        `INSERT INTO worker_history (worker_id, kind, unit_code, from_unit_code, occurred_on, recorded_by) VALUES ($1, 'transferred', $2, $3, $4, 'report-it')`,
        [id, destination, from, occurredOn],
      );
    };
    await transfer(inPeriod!.id, inPeriod!.unit_code, '2026-03-01');
    await transfer(afterPeriod!.id, afterPeriod!.unit_code, '2026-08-01');
    const movedOut = afterPeriod!.unit_code.startsWith(origin) ? 2 : 1;

    const [originAfter, destinationAfter, cityAfter] = await Promise.all([
      figures(origin),
      figures(destination.slice(0, 6)),
      figures('31'),
    ]);
    expect(originAfter.headcount).toBe(originBefore.headcount - movedOut);
    // On 1 July 2025 both were still in their old units; on 30 June 2026 only the second one was.
    expect(originAfter.headcountAtStart).toBe(originBefore.headcountAtStart);
    expect(originAfter.headcountAtEnd).toBe(originBefore.headcountAtEnd - 1);
    expect(destinationAfter.headcount).toBe(destinationBefore.headcount + 2);
    expect(destinationAfter.headcountAtStart).toBe(destinationBefore.headcountAtStart);
    expect(destinationAfter.headcountAtEnd).toBe(destinationBefore.headcountAtEnd + 1);
    // City-wide nobody came or went.
    expect(cityAfter).toMatchObject({
      headcount: cityBefore.headcount,
      headcountAtStart: cityBefore.headcountAtStart,
      headcountAtEnd: cityBefore.headcountAtEnd,
      turnoverRate: cityBefore.turnoverRate,
    });
  });
});
