/**
 * The demo city's appraisal (seeds/demo/README.md): every active demo worker has a performance
 * record; one district shows last year's published results (all three sources rated, scored and
 * graded by the service's own close path, so each grade explains itself) and this year's cycle in
 * progress (opened and rated through the appraisal API; the service starts its workflow).
 * Set-based: one INSERT … SELECT per table, the close in the service's chunks. Idempotent.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ResultRepository, ResultsService, type CycleFacts } from '@cwp/appraisal/testing';
import { ExplanationBuilder, defaultPolicyCatalog, type Explanation } from '@cwp/policy';
import { DEMO_MARK } from './demo-city';

/** The district whose appraisal the demo shows (黄浦区, the first district of the tree). */
export const DEMO_APPRAISAL_DISTRICT = '310101';
/** APPR-2 calibration limit the demo's cycles were opened with (the service default: 20%). */
const EXCELLENT_SHARE_LIMIT = 0.2;

/**
 * Records for the active demo workers, projected from the workforce roster as the workforce
 * `hired` events would (the demo city is loaded without events). They count as started: like a
 * worker hired before the service existed, a record's workflow starts with its first published
 * grade (signal-with-start), so the demo does not start 60,000 idle workflows at its first `up`.
 */
export async function loadDemoRecords(ds: DataSource, workforceSchema: string): Promise<number> {
  const rows: unknown[] = await ds.query(
    `INSERT INTO worker_records (worker_id, unit_code, entry_route, hired_on, workflow_started_at)
     SELECT w.id::text, w.unit_code, w.entry_route, w.hired_on, now()
       FROM "${workforceSchema}".workers w
      WHERE w.status <> 'exited' AND w.created_by = $1
     ON CONFLICT (worker_id) DO NOTHING
     RETURNING worker_id`,
    [DEMO_MARK],
  );
  return rows.length;
}

/**
 * Last year's cycle of the district, published: ratings of the three sources (APPR-3: the
 * management unit, three peers, five residents, anonymous keys), closed by the service's close
 * (APPR-1..3 scores and grades, with explanations), published on the 15th of January. Returns the
 * number of results, 0 when the cycle was already there.
 */
export async function loadLastYearResults(ds: DataSource, year: number, seed = 0.42): Promise<number> {
  const [existing] = await ds.query(`SELECT id FROM cycles WHERE unit_code = $1 AND year = $2`, [DEMO_APPRAISAL_DISTRICT, year]);
  if (existing) return 0;
  const catalog = defaultPolicyCatalog();
  const policyVersion = catalog.inForce(`${year}-12-31`).id;
  const cycleId = randomUUID();
  const publishedAt = `${year + 1}-01-15T02:00:00Z`;
  await ds.transaction(async (em) => {
    // Published: its workflow has ended, the reconciler has nothing to start for it.
    await em.query(
      `INSERT INTO cycles (id, unit_code, year, phase, policy_version, rating_opens_at, rating_closes_at, reminder_days, excellent_share_limit, opened_by, closed_by, workflow_started_at)
       VALUES ($1, $2, $3, 'closing', $4, $5, $6, 7, $7, $8, 'deadline', now())`,
      [
        cycleId,
        DEMO_APPRAISAL_DISTRICT,
        year,
        policyVersion,
        `${year}-12-01T00:00:00Z`,
        `${year}-12-31T09:00:00Z`,
        EXCELLENT_SHARE_LIMIT,
        DEMO_MARK,
      ],
    );
    await em.query(`SELECT setseed($1)`, [seed]);
    // Scores mostly qualified; a few excellent and a few unqualified, as a real street's would be.
    await em.query(
      `INSERT INTO ratings (cycle_id, worker_id, year, source, rater_key, morality, ability, diligence, performance, integrity)
       SELECT $1, w.worker_id, $2, s.source, s.source || ':' || s.n || ':demo', d.v + (random() * 8)::int, d.v + (random() * 8)::int,
              d.v + (random() * 8)::int, d.v + (random() * 8)::int, d.v + (random() * 8)::int
         FROM worker_records w
         CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.04 THEN 52 + (random() * 12)::int
                                         ELSE 66 + (random() * 12 + random() * 12)::int END AS v
                              WHERE w.worker_id IS NOT NULL) d
         CROSS JOIN (VALUES ('management', 1), ('peers', 1), ('peers', 2), ('peers', 3),
                            ('residents', 1), ('residents', 2), ('residents', 3), ('residents', 4), ('residents', 5)) AS s(source, n)
        WHERE w.status = 'active' AND w.unit_code LIKE $3`,
      [cycleId, year, `${DEMO_APPRAISAL_DISTRICT}%`],
    );
  });
  const facts: CycleFacts = {
    id: cycleId,
    unitCode: DEMO_APPRAISAL_DISTRICT,
    year,
    policyVersion,
    excellentShareLimit: EXCELLENT_SHARE_LIMIT,
  };
  // The close path only uses the DataSource, its repository and the policy catalog (as the close benchmark runs it).
  const none = null as never;
  const results = new ResultsService(ds, new ResultRepository(ds), none, none, none, none, none, catalog, none);
  const closed = await results.close(facts);
  await ds.transaction(async (em) => {
    for (const check of closed.checks.filter((c) => c.over))
      await calibrateDown(em, cycleId, check.unitCode, check.excellent - check.allowed);
    await em.query(`UPDATE results SET status = 'published', published_at = $2, version = version + 1 WHERE cycle_id = $1`, [
      cycleId,
      publishedAt,
    ]);
    await em.query(`UPDATE cycles SET phase = 'published', closed_at = $2, published_at = $2 WHERE id = $1`, [cycleId, publishedAt]);
  });
  return closed.results;
}

/**
 * APPR-2: a street over the limit was calibrated before publication: its lowest excellent scores
 * moved to qualified, each move with its reason in the result's calibrations and explanation.
 */
async function calibrateDown(em: DataSource['manager'], cycleId: string, street: string, excess: number): Promise<void> {
  const rows: { workerId: string; year: number; explanation: Explanation; policyVersion: string }[] = await em.query(
    `SELECT worker_id AS "workerId", year, explanation, policy_version AS "policyVersion" FROM results
      WHERE cycle_id = $1 AND unit_code LIKE $2 AND grade = 'excellent' ORDER BY score, worker_id LIMIT $3`,
    [cycleId, `${street}%`, excess],
  );
  for (const row of rows) {
    const reason = '街道平衡优秀比例';
    const move = { from: 'excellent', to: 'qualified', reason, by: DEMO_MARK, at: new Date().toISOString() };
    const explanation = new ExplanationBuilder(row.explanation.inputs, row.policyVersion)
      .absorb(row.explanation)
      .step('APPR-2', `Calibrated from excellent to qualified by street ${street}: ${reason}`, 'qualified')
      .build();
    await em.query(
      `UPDATE results SET grade = 'qualified', calibrations = calibrations || $3::jsonb, explanation = $4::jsonb WHERE worker_id = $1 AND year = $2`,
      [row.workerId, row.year, JSON.stringify([move]), JSON.stringify(explanation)],
    );
  }
}
