/**
 * PAY-4: the four-yearly multiplier review workflow on Temporal's time-skipping test server, with
 * the real activity over a throw-away PostgreSQL schema: it opens the city's review task with the
 * figures of the four years before it (readable over HTTP, city only), once; a repeated run (a
 * Schedule catching up) changes nothing.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { MULTIPLIER_REVIEW_WORKFLOW_TYPE } from '@cwp/contracts';
import { testing, wrapActivities } from '@cwp/platform';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { MultiplierReviewsService } from './multiplier-reviews.service';
import { createMultiplierReviewActivities } from './workflow/multiplier-review.activities';

jest.setTimeout(180_000);

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let app: PayrollTestApp;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflowsFromSources('workflows/payroll/src/index.ts')]);
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_review_wf', client: env.client });
  // Four years before 2028: wages 2023–2027, recalibrations applied for 2025 and 2026 only.
  await app.ds.query(
    `INSERT INTO city_average_wages (year, annual_fen, published_by)
     SELECT y, 12000000 + (y - 2023) * 600000, 'city-31' FROM generate_series(2023, 2027) AS y`,
  );
  await app.ds.query(
    `INSERT INTO recalibrations (pay_year, status, summary) VALUES
       (2025, 'applied', '{"multiplier": 1.2, "referenceWageFen": 12600000, "workers": 100, "totalFen": 1512000000}'),
       (2026, 'applied', '{"multiplier": 1.25, "referenceWageFen": 13200000, "workers": 100, "totalFen": 1650000000}'),
       (2027, 'previewed', '{"multiplier": 1.3, "referenceWageFen": 13800000, "workers": 100, "totalFen": 1794000000}')`,
  );
}, 240_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

async function runReview(reviewYear: number): Promise<{ reviewYear: number; opened: boolean }> {
  const taskQueue = testing.uniqueName('payroll-review');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: wrapActivities({ ...createMultiplierReviewActivities(app.get(MultiplierReviewsService)) }),
  });
  return worker.runUntil(
    env.client.workflow.execute(MULTIPLIER_REVIEW_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: testing.uniqueName('pay-multiplier-review'),
      args: [{ reviewYear }],
    }),
  );
}

describe('four-yearly multiplier review (PAY-4)', () => {
  it('PAY-4: opens the review with the four years’ figures and explanation, once; a repeated run changes nothing', async () => {
    expect(await runReview(2028)).toEqual({ reviewYear: 2028, opened: true });
    const review = await app.call('GET', '/api/payroll/multiplier-reviews/2028', { principal: CITY });
    expect(review.status).toBe(200);
    expect(review.body.figures.map((f: { year: number }) => f.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(review.body.figures[0]).toMatchObject({ year: 2024, averageWageFen: 12_600_000, multiplier: null, payToWage: null });
    expect(review.body.figures[1]).toMatchObject({ year: 2025, multiplier: 1.2, workers: 100, payToWage: 1.2 });
    expect(review.body.figures[2]).toMatchObject({ year: 2026, multiplier: 1.25, payToWage: 1.25 });
    // 2027 was previewed, not applied: not a figure of pay actually paid.
    expect(review.body.figures[3]).toMatchObject({ year: 2027, averageWageFen: 14_400_000, multiplier: null });
    expect(review.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['PAY-4', 'PAY-3', 'PAY-1']));

    expect(await runReview(2028)).toEqual({ reviewYear: 2028, opened: false });
    const [rows] = (await app.ds.query(
      "SELECT count(*)::int AS n, (SELECT count(*)::int FROM audit_log WHERE entity = 'MultiplierReview' AND action = 'open') AS audited FROM multiplier_reviews",
    )) as Array<{ n: number; audited: number }>;
    expect(rows).toEqual({ n: 1, audited: 1 });
  });

  it('only the city reads reviews; a year without one is 404', async () => {
    expect((await app.call('GET', '/api/payroll/multiplier-reviews', { principal: principalOf('district', '310101') })).status).toBe(403);
    expect((await app.call('GET', '/api/payroll/multiplier-reviews/2032', { principal: CITY })).status).toBe(404);
    const list = await app.call('GET', '/api/payroll/multiplier-reviews', { principal: CITY });
    expect(list.body.map((r: { reviewYear: number }) => r.reviewYear)).toContain(2028);
  });
});
