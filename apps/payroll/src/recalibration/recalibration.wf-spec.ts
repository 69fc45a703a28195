/**
 * PAY-3 (PAY-2, PAY-5, PAY-7): the yearly recalibration workflow on Temporal's time-skipping test
 * server, with the real activities over a throw-away PostgreSQL schema: it waits weeks for the
 * wage, previews, is approved through the update (the API's path), applies in chunks; a corrected
 * wage makes the old preview unapprovable; a crash mid-apply and a second start change nothing twice;
 * a wage corrected after the year was applied re-opens it and the workflow runs again (round 2); one
 * corrected while the year is applying re-opens it as the apply finishes (continueAsNew).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  PAY_RECALIBRATION_WORKFLOW_TYPE,
  payRecalibrationWorkflowId,
  recalibrationStateQuery,
  type RecalibrationPhase,
  type RecalibrationState,
} from '@cwp/contracts';
import { testing, wrapActivities } from '@cwp/platform';
import type { PayRecalibrationActivities } from '@cwp/payroll-workflows';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import { CITY, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { WagesService } from '../wages';
import { RecalibrationRunner } from './recalibration-runner.service';
import { RecalibrationsService } from './recalibrations.service';
import { createRecalibrationActivities } from './workflow/recalibration.activities';

jest.setTimeout(180_000);

const WORKERS = 240;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let app: PayrollTestApp;
let runner: RecalibrationRunner;
let recalibrations: RecalibrationsService;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflowsFromSources('workflows/payroll/src/index.ts')]);
  app = await startPayrollTestApp({
    schemaPrefix: 'payroll_recal_wf',
    client: env.client,
    settings: { applyChunk: 40, applyChunksPerActivity: 2 },
  });
  runner = app.get(RecalibrationRunner);
  recalibrations = app.get(RecalibrationsService);
  // The projection as the workforce events would have built it: two districts, all posts and levels.
  await app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
     SELECT 'w' || lpad(i::text, 5, '0'), CASE WHEN i % 3 = 0 THEN '310104003001' ELSE '310101002001' END, 'on-duty', 'recruited',
            (ARRAY['head', 'manager', 'staff'])[1 + i % 3], 1 + i % 18, date '2005-01-01' + (i * 37 % 7000)
       FROM generate_series(1, $1) AS i`,
    [WORKERS],
  );
}, 240_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

/** A worker on a task queue of its own for one test (a test that fails leaves nothing polling for the next). */
async function withWorker<T>(
  fn: (taskQueue: string) => Promise<T>,
  activities: PayRecalibrationActivities = createRecalibrationActivities(runner),
): Promise<T> {
  const taskQueue = testing.uniqueName('payroll-wf');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: wrapActivities({ ...activities }),
  });
  return worker.runUntil(fn(taskQueue));
}

async function phase(payYear: number, wanted: RecalibrationPhase, previews = 1): Promise<RecalibrationState> {
  return testing.eventually(
    async () => {
      const state = await env.client.workflow.getHandle(payRecalibrationWorkflowId(payYear)).query(recalibrationStateQuery);
      return state.phase === wanted && state.previews >= previews ? state : undefined;
    },
    60_000,
    `recalibration ${payYear} to reach ${wanted}`,
  );
}

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await app.ds.query(sql, params)) as T[])[0]!;

async function assertAppliedOnce(payYear: number, totalFen: number): Promise<void> {
  const pay = await one<{ n: number; total: number }>(
    'SELECT count(*)::int AS n, sum(annual_pay_fen)::float8 AS total FROM pay_workers WHERE pay_year = $1',
    [payYear],
  );
  expect(pay).toEqual({ n: WORKERS, total: totalFen });
  const changes = await one<{ n: number; workers: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT worker_id)::int AS workers FROM pay_changes WHERE source_key = $1',
    [String(payYear)],
  );
  expect(changes).toEqual({ n: WORKERS, workers: WORKERS });
  const events = await one<{ n: number; keys: number; total: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT message_key)::int AS keys, sum((envelope->'data'->>'annualFen')::bigint)::float8 AS total
       FROM outbox WHERE event_type = 'cwp.payroll.pay.recalibrated.v1' AND (envelope->'data'->>'payYear')::int = $1`,
    [payYear],
  );
  expect(events).toEqual({ n: WORKERS, keys: WORKERS, total: totalFen });
  const applied = await one<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.payroll.recalibration.applied.v1' AND message_key = $1",
    [String(payYear)],
  );
  expect(applied.n).toBe(1);
}

describe('yearly pay recalibration workflow (PAY-3)', () => {
  it('PAY-3: waits durably across weeks for the wage, previews on publication, applies every worker once after approval', async () => {
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2027),
        args: [{ payYear: 2027, chunkSize: 40, chunksPerActivity: 2 }],
      });
      await phase(2027, 'waiting-wage', 0);
      await env.sleep('21 days');
      expect((await handle.query(recalibrationStateQuery)).phase).toBe('waiting-wage');
      expect(await one<{ status: string }>('SELECT status FROM recalibrations WHERE pay_year = 2027')).toEqual({ status: 'open' });

      // The city publishes the 2026 wage through the service: the commit nudges the workflow.
      await app.get(WagesService).publish({ year: 2026, annualFen: 14_400_000 }, CITY);
      const waiting = await phase(2027, 'awaiting-approval');
      const preview = waiting.preview!;
      expect(preview).toMatchObject({
        workers: WORKERS,
        policyVersion: '2027-proposal',
        multiplier: 1.2,
        referenceWageYear: 2026,
        referenceWageFen: 14_400_000,
        heldByCeiling: 0,
      });
      // PAY-3: the average lands on 1.2 × the wage, exactly.
      expect(preview.totalFen).toBe(Math.round(1.2 * 14_400_000 * WORKERS));
      expect(preview.gainers + preview.losers).toBeLessThanOrEqual(WORKERS);

      // Per worker: old and new pay with the explanation; PAY-8 budget per district adds up.
      const line = await recalibrations.workerLine(2027, 'w00007', CITY);
      expect(line.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['POST-1', 'PAY-2', 'PAY-3', 'PAY-5']));
      const budget = await recalibrations.budget(2027, 'district', CITY);
      expect(budget.map((b) => b.unitCode)).toEqual(['310101', '310104']);
      expect(budget.reduce((a, b) => a + b.newTotalFen, 0)).toBe(preview.totalFen);

      const approved = await recalibrations.approve(2027, preview.previewId, CITY);
      expect(approved.previewId).toBe(preview.previewId);
      const final = (await handle.result()) as RecalibrationState;
      expect(final).toMatchObject({ phase: 'applied', approvedBy: CITY.sub, progress: { done: WORKERS, total: WORKERS } });
      await assertAppliedOnce(2027, preview.totalFen);
      expect((await recalibrations.get(2027)).progress).toMatchObject({ done: WORKERS, total: WORKERS, etaAt: null });
    });
  });

  it('PAY-3: a corrected wage invalidates the preview; the old one cannot be approved, the new one applies', async () => {
    await app.ds.query("INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES (2027, 15000000, 'city-31')");
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2028),
        args: [{ payYear: 2028 }],
      });
      const first = (await phase(2028, 'awaiting-approval')).preview!;
      await app.get(WagesService).correct(2027, { annualFen: 15_300_000, revision: 1, reason: 'Statistics bureau revision' }, CITY);
      const second = (await phase(2028, 'awaiting-approval', 2)).preview!;
      expect(second.previewId).not.toBe(first.previewId);
      expect(second.referenceWageFen).toBe(15_300_000);

      const refused = await testing.domainErrorOf(recalibrations.approve(2028, first.previewId, CITY));
      expect(refused.code).toBe('PREVIEW_STALE');
      // Even straight at the activity (a validator bypassed by a race), the rows refuse the stale preview.
      expect((await testing.domainErrorOf(runner.approve(2028, first.previewId, CITY))).code).toBe('PREVIEW_STALE');

      await recalibrations.approve(2028, second.previewId, CITY);
      await handle.result();
      await assertAppliedOnce(2028, Math.round(1.2 * 15_300_000 * WORKERS));
      const event = await one<{ data: { referenceWageYear: number; payYear: number; previousAnnualFen: number } }>(
        "SELECT envelope->'data' AS data FROM outbox WHERE event_type = 'cwp.payroll.pay.recalibrated.v1' AND message_key = 'w00007' AND (envelope->'data'->>'payYear')::int = 2028",
      );
      expect(event.data.referenceWageYear).toBe(2027);
      // Last year's applied pay is this year's "previous" pay.
      const last = await one<{ new_fen: number }>(
        "SELECT new_fen::float8 AS new_fen FROM pay_changes WHERE worker_id = 'w00007' AND source_key = '2027'",
      );
      expect(event.data.previousAnnualFen).toBe(last.new_fen);
    });
  });

  it('PAY-3: a changed multiplier rebuilds the preview; what-if computes any multiplier and applies nothing', async () => {
    await app.ds.query("INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES (2029, 16000000, 'city-31')");
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2030),
        args: [{ payYear: 2030 }],
      });
      const first = (await phase(2030, 'awaiting-approval')).preview!;
      expect(first.multiplier).toBe(1.2);
      const refused = await testing.domainErrorOf(
        recalibrations.setMultiplier(2030, { multiplier: 1.45, reason: 'x' }, { ...CITY, role: 'district', unit: '310101' }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      await recalibrations.setMultiplier(2030, { multiplier: 1.3, reason: 'City decision of 15 January' }, CITY);
      const second = (await phase(2030, 'awaiting-approval', 2)).preview!;
      expect(second).toMatchObject({ multiplier: 1.3, totalFen: Math.round(1.3 * 16_000_000 * WORKERS) });
      expect((await testing.domainErrorOf(recalibrations.approve(2030, first.previewId, CITY))).code).toBe('PREVIEW_STALE');

      const lines = await one<{ total: number }>('SELECT sum(new_fen)::float8 AS total FROM recalibration_lines WHERE pay_year = 2030');
      const whatIf = await recalibrations.whatIf({ payYear: 2030, multiplier: 1.45, level: 'street' }, CITY);
      expect(whatIf).toMatchObject({ multiplier: 1.45, workers: WORKERS, totalFen: Math.round(1.45 * 16_000_000 * WORKERS) });
      expect(whatIf.budget.reduce((a, b) => a + b.newTotalFen, 0)).toBe(whatIf.totalFen);
      expect(await one<{ total: number }>('SELECT sum(new_fen)::float8 AS total FROM recalibration_lines WHERE pay_year = 2030')).toEqual(
        lines,
      );
      const outOfBand = await testing.domainErrorOf(recalibrations.whatIf({ payYear: 2030, multiplier: 1.6 }, CITY));
      expect(outOfBand).toMatchObject({ code: 'VALIDATION_FAILED', field: 'multiplier' });
      await handle.terminate('test done');
    });
  });

  it('PAY-3: a crash mid-apply is retried from where it stopped and a second start for the year changes nothing', async () => {
    await app.ds.query("INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES (2028, 15600000, 'city-31')");
    const real = createRecalibrationActivities(runner);
    let crashes = 0;
    const crashing: PayRecalibrationActivities = {
      ...real,
      // The first attempt commits two chunks, then the worker "dies" before reporting back.
      applyChunks: async (input) => {
        if (crashes === 0) {
          crashes += 1;
          await runner.applyChunks(input.payYear, input.previewId, { chunkSize: input.chunkSize, maxChunks: 2 });
          throw new Error('worker crashed mid-apply');
        }
        return real.applyChunks(input);
      },
    };
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2029),
        args: [{ payYear: 2029, chunkSize: 30, chunksPerActivity: 3 }],
      });
      const preview = (await phase(2029, 'awaiting-approval')).preview!;
      await recalibrations.approve(2029, preview.previewId, CITY);
      await handle.result();
      expect(crashes).toBe(1);
      await assertAppliedOnce(2029, preview.totalFen);

      // A second start for an applied year returns at once: no row, change or event is added.
      const outboxBefore = await one<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
      const again = (await env.client.workflow.execute(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2029),
        args: [{ payYear: 2029 }],
      })) as RecalibrationState;
      expect(again.phase).toBe('applied');
      expect(await one<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).toEqual(outboxBefore);
      await assertAppliedOnce(2029, preview.totalFen);
    }, crashing);
  });

  it('PAY-3: a wage corrected after the year was applied re-opens it; the workflow runs again, a new preview is approved and applied', async () => {
    await app.ds.query("INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES (2030, 16000000, 'city-31')");
    const applied = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2031),
        args: [{ payYear: 2031 }],
      });
      const preview = (await phase(2031, 'awaiting-approval')).preview!;
      await recalibrations.approve(2031, preview.previewId, CITY);
      expect(((await handle.result()) as RecalibrationState).phase).toBe('applied');
      return preview;
    });
    // The correction starts the workflow again on the service's own task queue: a worker polls it.
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: app.settings.taskQueue,
      workflowBundle: bundle,
      activities: wrapActivities({ ...createRecalibrationActivities(runner) }),
    });
    await worker.runUntil(async () => {
      await app.get(WagesService).correct(2030, { annualFen: 16_500_000, revision: 1, reason: 'Statistics bureau revision' }, CITY);
      const reopened = (await phase(2031, 'awaiting-approval')).preview!;
      expect(reopened).toMatchObject({ referenceWageFen: 16_500_000, totalFen: Math.round(1.2 * 16_500_000 * WORKERS) });
      expect(reopened.previewId).not.toBe(applied.previewId);
      expect((await testing.domainErrorOf(recalibrations.approve(2031, applied.previewId, CITY))).code).toBe('PREVIEW_STALE');
      // Nothing moved yet: the pay of 2031 is still the first application's until the city approves.
      expect(await one<{ total: number }>('SELECT sum(annual_pay_fen)::float8 AS total FROM pay_workers WHERE pay_year = 2031')).toEqual({
        total: Math.round(1.2 * 16_000_000 * WORKERS),
      });
      await recalibrations.approve(2031, reopened.previewId, CITY);
      const rerun = (await env.client.workflow.getHandle(payRecalibrationWorkflowId(2031)).result()) as RecalibrationState;
      expect(rerun).toMatchObject({ phase: 'applied', progress: { done: WORKERS, total: WORKERS } });
    });
    expect(
      await one<{ n: number; total: number }>(
        'SELECT count(*)::int AS n, sum(annual_pay_fen)::float8 AS total FROM pay_workers WHERE pay_year = 2031',
      ),
    ).toEqual({ n: WORKERS, total: Math.round(1.2 * 16_500_000 * WORKERS) });
    // Each application is recorded once per worker (round 2 beside round 1), and announced once.
    const rounds = (await app.ds.query(
      "SELECT source_key AS key, count(*)::int AS n FROM pay_changes WHERE source_key LIKE '2031%' GROUP BY 1 ORDER BY 1",
    )) as Array<{ key: string; n: number }>;
    expect(rounds).toEqual([
      { key: '2031', n: WORKERS },
      { key: '2031#2', n: WORKERS },
    ]);
    expect(
      await one<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.payroll.pay.recalibrated.v1' AND (envelope->'data'->>'payYear')::int = 2031",
      ),
    ).toEqual({ n: 2 * WORKERS });
    expect(
      await one<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'reopen' AND entity = 'PayRecalibration' AND entity_id = '2031'",
      ),
    ).toEqual({ n: 1 });
  });

  it('PAY-3: a wage corrected while the year is applying: the approved figures go out whole, then the year re-opens and runs again', async () => {
    await app.ds.query("INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES (2032, 17000000, 'city-31')");
    const real = createRecalibrationActivities(runner);
    let whileApplying: unknown;
    const correctingMidApply: PayRecalibrationActivities = {
      ...real,
      // The first activity commits one chunk; the city corrects the wage; the apply goes on.
      applyChunks: async (input) => {
        if (whileApplying === undefined) {
          await runner.applyChunks(input.payYear, input.previewId, { chunkSize: input.chunkSize, maxChunks: 1 });
          await app.get(WagesService).correct(2032, { annualFen: 17_500_000, revision: 1, reason: 'Statistics bureau revision' }, CITY);
          whileApplying = await recalibrations.get(2033);
        }
        return real.applyChunks(input);
      },
    };
    await withWorker(async (taskQueue) => {
      await env.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: payRecalibrationWorkflowId(2033),
        args: [{ payYear: 2033, chunkSize: 40, chunksPerActivity: 2 }],
      });
      const first = (await phase(2033, 'awaiting-approval')).preview!;
      await recalibrations.approve(2033, first.previewId, CITY);
      // The run that applied continues as a new one, which previews on the corrected wage. Watched on
      // the row first: a query that lands as the old run completes can stall on the test server.
      await testing.eventually(
        async () => {
          const row = await one<{ status: string; preview_id: string | null }>(
            'SELECT status, preview_id FROM recalibrations WHERE pay_year = 2033',
          );
          return row.status === 'previewed' && row.preview_id !== first.previewId ? row : undefined;
        },
        60_000,
        'the re-opened 2033 to preview again',
      );
      const second = (await phase(2033, 'awaiting-approval')).preview!;
      expect(second.previewId).not.toBe(first.previewId);
      expect(whileApplying).toMatchObject({
        status: 'applying',
        reopenPending: { wageRevision: 2, reason: 'Statistics bureau revision' },
      });
      expect(second).toMatchObject({ referenceWageFen: 17_500_000, totalFen: Math.round(1.2 * 17_500_000 * WORKERS) });
      // Round 1 went out whole on the approved figures: every worker once, none on the corrected wage yet.
      const round1 = await one<{ n: number; total: number }>(
        "SELECT count(*)::int AS n, sum(new_fen)::float8 AS total FROM pay_changes WHERE source_key = '2033'",
      );
      expect(round1).toEqual({ n: WORKERS, total: Math.round(1.2 * 17_000_000 * WORKERS) });
      expect(await recalibrations.get(2033)).toMatchObject({ status: 'previewed', reopenPending: null });
      const audits = (await app.ds.query(
        "SELECT action, subject AS actor FROM audit_log WHERE entity = 'PayRecalibration' AND entity_id = '2033' AND action LIKE 'reopen%' ORDER BY id",
      )) as Array<{ action: string; actor: string }>;
      expect(audits.map((a) => a.action)).toEqual(['reopen-deferred', 'reopen']);
      expect(audits[0]!.actor).toBe(CITY.sub);

      await recalibrations.approve(2033, second.previewId, CITY);
      const rerun = (await env.client.workflow.getHandle(payRecalibrationWorkflowId(2033)).result()) as RecalibrationState;
      expect(rerun).toMatchObject({ phase: 'applied', progress: { done: WORKERS, total: WORKERS } });
    }, correctingMidApply);
    expect(
      await one<{ n: number; total: number }>(
        "SELECT count(*)::int AS n, sum(new_fen)::float8 AS total FROM pay_changes WHERE source_key = '2033#2'",
      ),
    ).toEqual({ n: WORKERS, total: Math.round(1.2 * 17_500_000 * WORKERS) });
    expect(await one<{ total: number }>('SELECT sum(annual_pay_fen)::float8 AS total FROM pay_workers WHERE pay_year = 2033')).toEqual({
      total: Math.round(1.2 * 17_500_000 * WORKERS),
    });
  });

  it('the yearly Schedule workflow starts pay-recalibration:<year> once; a second run starts nothing', async () => {
    await withWorker(async (taskQueue) => {
      const first = (await env.client.workflow.execute('payRecalibrationYearlyWorkflow', {
        taskQueue,
        workflowId: testing.uniqueName('pay-yearly'),
        args: [{}],
      })) as { payYear: number; started: boolean };
      // The pay year is the Shanghai year of the workflow's own (skipped-ahead) clock.
      expect(first.payYear).toBeGreaterThanOrEqual(2026);
      const second = await env.client.workflow.execute('payRecalibrationYearlyWorkflow', {
        taskQueue,
        workflowId: testing.uniqueName('pay-yearly'),
        args: [{}],
      });
      expect(second).toEqual({ payYear: first.payYear, started: false });
      const child = env.client.workflow.getHandle(payRecalibrationWorkflowId(first.payYear));
      expect((await child.describe()).type).toBe(PAY_RECALIBRATION_WORKFLOW_TYPE);
      if (first.started) await child.terminate('test done');
    });
  });
});
