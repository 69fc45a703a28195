/**
 * QUOTA-5: the yearly quota review on Temporal's time-skipping test server, with the real
 * activities on a throw-away PostgreSQL schema: proposals are computed from current households,
 * districts approve or reject through the update, and a deadline without a decision lets the
 * proposals stand. Thirty days pass in seconds.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  quotaReviewDecisionUpdate,
  quotaReviewStateQuery,
  quotaReviewWorkflowId,
  workforceQuotaEventContracts,
  type QuotaReviewState,
} from '@cwp/contracts';
import { wrapActivities, testing } from '@cwp/platform';
import { defaultPolicyCatalog, proposeQuotaAdjustment } from '@cwp/policy';
import { createTimeSkippingEnv, bundleWorkflowsFromSources } from '@cwp/test-support';
import { loadReferenceData } from '../reference-data';
import { createWorkforceIntContext, ORG_TREE_FILE as TREE, type WorkforceIntContext } from '../testing';
import { QuotaReviewService } from './quota-review.service';
import { QuotaReviewsModule } from './quota-reviews.module';
import { createQuotaReviewActivities } from './workflow/quota-review.activities';
import { QuotaReviewWorkflows } from './workflow/quota-review-workflows';
const city = { sub: 'city-op', role: 'city', unit: '31' };

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let ctx: WorkforceIntContext;
let ds: testing.TestDataSource;
let review: QuotaReviewService;
let districts: string[];

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  [env, bundle, ctx] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflowsFromSources('workflows/workforce/src/index.ts'),
    // The activities' side: the API's Temporal client (QuotaReviewWorkflows) is not under test.
    createWorkforceIntContext({
      schemaPrefix: 'wf_review_wf',
      imports: [QuotaReviewsModule],
      produces: workforceQuotaEventContracts,
      settings: { floatingQuotaPercent: 5 },
      override: (builder) => builder.overrideProvider(QuotaReviewWorkflows).useValue({}),
    }),
  ]);
  ds = ctx.ds;
  await loadReferenceData(ds, TREE, defaultPolicyCatalog(), 5);
  review = ctx.get(QuotaReviewService);
  districts = ((await ds.query("SELECT code FROM org_units WHERE kind = 'district' ORDER BY code")) as Array<{ code: string }>).map(
    (r) => r.code,
  );
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await env?.teardown();
});

/** Grows the households of a district's first areas so the review proposes +1 for each (QUOTA-2/5). */
async function growAreas(districtCode: string, count: number): Promise<Array<{ code: string; quota: number }>> {
  const rows = (await ds.query(
    `SELECT q.unit_code AS code, q.value AS quota FROM quotas q WHERE q.kind = 'area' AND q.unit_code LIKE $1 || '%' ORDER BY q.unit_code LIMIT $2`,
    [districtCode, count],
  )) as Array<{ code: string; quota: number }>;
  await ds.query('UPDATE org_units SET households = 5000, population = 12000 WHERE code = ANY($1::text[])', [rows.map((r) => r.code)]);
  return rows;
}

/** What QUOTA-5 (libs/policy) proposes for a grown area: the expectation, independent of the service. */
function proposed(current: number): number {
  return proposeQuotaAdjustment(defaultPolicyCatalog().inForce('2026-07-01'), { currentQuota: current, households: 5000 }).value
    .proposedQuota;
}

async function quotasOf(codes: string[]): Promise<number[]> {
  const rows = (await ds.query(
    "SELECT unit_code, value FROM quotas WHERE kind = 'area' AND unit_code = ANY($1::text[]) ORDER BY unit_code",
    [codes],
  )) as Array<{ value: number }>;
  return rows.map((r) => r.value);
}

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `wf-review-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: wrapActivities({ ...createQuotaReviewActivities(review) }),
  });
  return worker.runUntil(fn(taskQueue));
}

async function startReview(taskQueue: string, year: number, decisionDays = 30) {
  return env.client.workflow.start('quotaReviewWorkflow', {
    taskQueue,
    workflowId: `${quotaReviewWorkflowId(year)}-${randomUUID()}`,
    args: [{ year, decisionDays }],
  });
}

async function awaitingDecisions(handle: Awaited<ReturnType<typeof startReview>>): Promise<QuotaReviewState> {
  return testing.eventually(
    async () => {
      const state = await handle.query(quotaReviewStateQuery);
      return state.phase === 'awaiting-decisions' ? state : undefined;
    },
    90_000,
    'the review to await decisions',
  );
}

describe('yearly quota review workflow (QUOTA-5)', () => {
  it('QUOTA-5: a district that approves gets its proposals applied; districts without changes need no decision', async () => {
    const district = districts[0]!;
    const grown = await growAreas(district, 3);
    const before = await quotasOf(grown.map((g) => g.code));
    await withWorker(async (taskQueue) => {
      const handle = await startReview(taskQueue, 2031);
      const state = await awaitingDecisions(handle);
      // Three areas, plus the floating pool of a street whose area quotas moved enough (QUOTA-4).
      expect(state.districts.find((d) => d.districtCode === district)).toMatchObject({ status: 'pending', proposals: expect.any(Number) });
      expect(state.districts.find((d) => d.districtCode === district)!.proposals).toBeGreaterThanOrEqual(3);
      expect(state.districts.filter((d) => d.districtCode !== district).every((d) => d.status === 'no-changes')).toBe(true);

      const decided = await handle.executeUpdate(quotaReviewDecisionUpdate, {
        args: [{ districtCode: district, decision: 'approve', note: 'agreed', decidedBy: city }],
      });
      expect(decided).toMatchObject({ status: 'approved' });
      expect(decided.applied).toBeGreaterThanOrEqual(3);
      const final = (await handle.result()) as QuotaReviewState;
      expect(final.phase).toBe('closed');
    });
    expect(await quotasOf(grown.map((g) => g.code))).toEqual(before.map(proposed));
    const events = (await ds.query(
      "SELECT envelope->'data' AS data FROM outbox WHERE event_type = 'cwp.workforce.quota.changed.v1' AND envelope->'data'->>'reviewYear' = '2031' AND envelope->'data'->>'kind' = 'area'",
    )) as Array<{ data: { reason: string; rules: string[] } }>;
    expect(events).toHaveLength(3);
    expect(events[0]!.data.reason).toBe('review-approved');
    expect(events[0]!.data.rules).toContain('QUOTA-5');
    const [row] = (await ds.query('SELECT status, decided_by, note FROM quota_review_districts WHERE year = 2031 AND district_code = $1', [
      district,
    ])) as unknown[];
    expect(row).toEqual({ status: 'approved', decided_by: 'city-op', note: 'agreed' });
    const [reviewRow] = (await ds.query('SELECT status FROM quota_reviews WHERE year = 2031')) as Array<{ status: string }>;
    expect(reviewRow!.status).toBe('closed');
  });

  it('QUOTA-5: a district that rejects keeps its quotas; a second decision is refused', async () => {
    const district = districts[1]!;
    const grown = await growAreas(district, 2);
    const before = await quotasOf(grown.map((g) => g.code));
    await withWorker(async (taskQueue) => {
      const handle = await startReview(taskQueue, 2032);
      await awaitingDecisions(handle);
      const decided = await handle.executeUpdate(quotaReviewDecisionUpdate, {
        args: [{ districtCode: district, decision: 'reject', decidedBy: city }],
      });
      expect(decided).toMatchObject({ status: 'rejected', applied: 0 });
      const again = await handle
        .executeUpdate(quotaReviewDecisionUpdate, { args: [{ districtCode: district, decision: 'approve', decidedBy: city }] })
        .catch((e: unknown) => e);
      expect(again).toBeInstanceOf(WorkflowUpdateFailedError);
      await handle.result();
    });
    expect(await quotasOf(grown.map((g) => g.code))).toEqual(before);
    const proposals = (await ds.query(
      "SELECT status, applied FROM quota_proposals WHERE year = 2032 AND district_code = $1 AND kind = 'area'",
      [district],
    )) as Array<{ status: string; applied: boolean }>;
    expect(proposals).toEqual([
      { status: 'rejected', applied: false },
      { status: 'rejected', applied: false },
    ]);
    const changed = (await ds.query(
      "SELECT 1 FROM outbox WHERE event_type = 'cwp.workforce.quota.changed.v1' AND envelope->'data'->>'reviewYear' = '2032' AND envelope->'data'->>'districtCode' = $1",
      [district],
    )) as unknown[];
    expect(changed).toHaveLength(0);
  });

  it('QUOTA-5: when the deadline passes without a decision the proposals stand (lapsed-approved) and take effect', async () => {
    const district = districts[2]!;
    const other = districts[1]!; // still grown from the previous test, rejected there
    const grown = await growAreas(district, 2);
    const before = await quotasOf(grown.map((g) => g.code));
    await withWorker(async (taskQueue) => {
      const handle = await startReview(taskQueue, 2033, 30);
      const state = await awaitingDecisions(handle);
      const deadline = Date.parse(state.deadlineAt!);
      // Nobody decides: result() lets the test server skip the 30 days.
      const final = (await handle.result()) as QuotaReviewState;
      expect(final.districts.find((d) => d.districtCode === district)).toMatchObject({ status: 'lapsed-approved' });
      expect(final.districts.find((d) => d.districtCode === district)!.applied).toBeGreaterThanOrEqual(2);
      expect(final.districts.find((d) => d.districtCode === other)).toMatchObject({ status: 'lapsed-approved' });
      expect(deadline - Date.parse(new Date().toISOString())).toBeGreaterThan(29 * 86_400_000);
      // After the review closed, a late decision is refused by the workflow.
      await expect(
        handle.executeUpdate(quotaReviewDecisionUpdate, { args: [{ districtCode: district, decision: 'reject', decidedBy: city }] }),
      ).rejects.toBeDefined();
    });
    expect(await quotasOf(grown.map((g) => g.code))).toEqual(before.map(proposed));
    const events = (await ds.query(
      "SELECT envelope->'data'->>'reason' AS reason FROM outbox WHERE event_type = 'cwp.workforce.quota.changed.v1' AND envelope->'data'->>'reviewYear' = '2033' AND envelope->'data'->>'districtCode' = $1 AND envelope->'data'->>'kind' = 'area'",
      [district],
    )) as Array<{ reason: string }>;
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.reason))).toEqual(new Set(['review-lapsed-approved']));
    const closed = (await ds.query(
      "SELECT envelope->'data' AS data FROM outbox WHERE event_type = 'cwp.workforce.quota-review.closed.v1' AND envelope->'data'->>'year' = '2033'",
    )) as Array<{ data: { districts: { lapsedApproved: number } } }>;
    expect(closed[0]!.data.districts.lapsedApproved).toBeGreaterThanOrEqual(2);
  });

  it('refuses a decision for a district that is not awaiting one (validator), without running anything', async () => {
    await withWorker(async (taskQueue) => {
      const handle = await startReview(taskQueue, 2034, 1);
      const state = await awaitingDecisions(handle);
      const quiet = state.districts.find((d) => d.status === 'no-changes')!;
      const refused = await handle
        .executeUpdate(quotaReviewDecisionUpdate, { args: [{ districtCode: quiet.districtCode, decision: 'approve', decidedBy: city }] })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      await handle.result();
    });
  });

  it('the yearly schedule workflow starts quota-review:<year> once; a second run for the same year starts nothing', async () => {
    await withWorker(async (taskQueue) => {
      const first = await env.client.workflow.execute('quotaReviewYearlyWorkflow', {
        taskQueue,
        workflowId: `yearly-${randomUUID()}`,
        args: [{ decisionDays: 1 }],
      });
      // The year is the Shanghai year of the workflow's own (skipped-ahead) clock.
      const year = (first as { year: number }).year;
      expect(year).toBeGreaterThanOrEqual(new Date().getUTCFullYear());
      expect(first).toEqual({ year, started: true });
      const second = await env.client.workflow.execute('quotaReviewYearlyWorkflow', {
        taskQueue,
        workflowId: `yearly-${randomUUID()}`,
        args: [{ decisionDays: 1 }],
      });
      expect(second).toEqual({ year, started: false });
      const child = env.client.workflow.getHandle(quotaReviewWorkflowId(year));
      expect((await child.describe()).type).toBe('quotaReviewWorkflow');
      await child.terminate('test done');
    });
  });
});
