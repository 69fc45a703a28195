/**
 * PAY-3 across features on real PostgreSQL (and the stack's Temporal server for the restart): the
 * 2027 recalibration is applied and three months are paid; then the city corrects the 2026 average
 * wage. The correction re-opens the recalibration (audited, in the correction's transaction) and
 * starts its workflow again; nothing is overwritten until the city approves a new preview and it
 * is applied; the next monthly run then pays the back-dated difference as arrears lines, month by
 * month, explained, once. The recalibration steps are the runner's use cases, the ones the
 * workflow's activities call (the workflow itself: recalibration.wf-spec.ts).
 */
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { payRecalibrationWorkflowId } from '@cwp/contracts';
import { RecalibrationRunner } from '../recalibration';
import { CITY, startPayrollTestApp, type PayrollTestApp } from './payroll-test-app';

jest.setTimeout(120_000);

const PAY_YEAR = 2027;
const WORKERS = ['wc-1', 'wc-2', 'wc-3'];
let app: PayrollTestApp;
let runner: RecalibrationRunner;

const payMonth = async (m: number): Promise<void> => {
  const res = await app.call('POST', '/api/payroll/pay-runs', {
    principal: CITY,
    body: { period: `${PAY_YEAR}-${String(m).padStart(2, '0')}` },
  });
  expect(res.status).toBe(201);
};

async function recalibrate(): Promise<{ previewId: string; totalFen: number; previousTotalFen: number }> {
  expect(await runner.open(PAY_YEAR)).toMatchObject({ status: 'open' });
  const preview = await runner.buildPreview(PAY_YEAR);
  await runner.approve(PAY_YEAR, preview.previewId, CITY);
  for (;;) if ((await runner.applyChunks(PAY_YEAR, preview.previewId, { chunkSize: 50, maxChunks: 5 })).finished) break;
  await runner.finish(PAY_YEAR, preview.previewId);
  return preview;
}

const annualOf = async (): Promise<number[]> =>
  (
    (await app.ds.query('SELECT annual_pay_fen::float8 AS fen FROM pay_workers WHERE worker_id = ANY($1) ORDER BY worker_id', [
      WORKERS,
    ])) as Array<{
      fen: number;
    }>
  ).map((r) => r.fen);

async function endRestartedWorkflow(client: Client): Promise<void> {
  try {
    await client.workflow.getHandle(payRecalibrationWorkflowId(PAY_YEAR)).terminate('wage-correction int-spec done');
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError) && !/not running|already completed/i.test((error as Error).message)) throw error;
  }
}

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_wage_fix_it' });
  runner = app.get(RecalibrationRunner);
  await endRestartedWorkflow(app.get(Client));
  await app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
     SELECT id, '310101002001', 'on-duty', 'recruited', 'staff', 3 + n::int, '2015-09-01' FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n)`,
    [WORKERS],
  );
  expect(
    (await app.call('POST', '/api/payroll/wages', { principal: CITY, body: { year: PAY_YEAR - 1, annualFen: 14_400_000 } })).status,
  ).toBe(201);
}, 180_000);

afterAll(async () => {
  if (app) await endRestartedWorkflow(app.get(Client));
  await app?.close();
});

describe('a wage corrected after the recalibration was applied (PAY-3)', () => {
  it('PAY-3: re-opens the recalibration, audited; a new approval and apply; the next run pays arrears lines, once', async () => {
    const first = await recalibrate();
    const round1 = await annualOf();
    for (const m of [1, 2, 3]) await payMonth(m);

    const fixed = await app.call('PUT', `/api/payroll/wages/${PAY_YEAR - 1}`, {
      principal: CITY,
      body: { annualFen: 15_000_000, revision: 1, reason: 'Statistics bureau revised the 2026 figure' },
    });
    expect(fixed.status).toBe(200);
    const [row] = (await app.ds.query(
      'SELECT status, apply_round AS round, reopened_for_revision AS revision, reopened_reason AS reason, apply_done AS done FROM recalibrations WHERE pay_year = $1',
      [PAY_YEAR],
    )) as Array<Record<string, unknown>>;
    expect(row).toEqual({ status: 'open', round: 2, revision: 2, reason: 'Statistics bureau revised the 2026 figure', done: 0 });
    const [audit] = (await app.ds.query(
      "SELECT after FROM audit_log WHERE action = 'reopen' AND entity = 'PayRecalibration' AND entity_id = $1",
      [String(PAY_YEAR)],
    )) as Array<{ after: Record<string, unknown> }>;
    expect(audit!.after).toMatchObject({ status: 'open', applyRound: 2, wageYear: PAY_YEAR - 1, wageRevision: 2 });
    // The workflow runs again under its business key, to build the new preview for the city.
    const restarted = await app.get(Client).workflow.getHandle(payRecalibrationWorkflowId(PAY_YEAR)).describe();
    expect(restarted.status.name).toBe('RUNNING');
    // Not a silent overwrite: nobody's pay moves until the new preview is approved and applied.
    expect(await annualOf()).toEqual(round1);
    await expect(runner.approve(PAY_YEAR, first.previewId, CITY)).rejects.toThrow(/stale/);

    const second = await recalibrate();
    expect(second.previewId).not.toBe(first.previewId);
    expect(second.previousTotalFen).toBe(first.totalFen);
    expect(second.totalFen).toBeGreaterThan(first.totalFen);
    const round2 = await annualOf();
    const changes = (await app.ds.query(
      "SELECT source_key AS key, count(*)::int AS n FROM pay_changes WHERE worker_id = ANY($1) AND kind = 'recalibration' GROUP BY 1 ORDER BY 1",
      [WORKERS],
    )) as Array<{ key: string; n: number }>;
    expect(changes).toEqual([
      { key: '2027', n: 3 },
      { key: '2027#2', n: 3 },
    ]);

    await payMonth(4);
    const april = (await app.call('GET', `/api/payroll/pay-runs/${PAY_YEAR}-04/slips/${WORKERS[0]}`, { principal: CITY })).body;
    expect(april.arrears.map((l: { forPeriod: string }) => l.forPeriod)).toEqual(['2027-01', '2027-02', '2027-03']);
    for (const line of april.arrears)
      expect(line).toMatchObject({ paidAnnualFen: round1[0], dueAnnualFen: round2[0], arrearsFen: line.dueFen - line.paidFen });
    expect(april.arrearsFen).toBeGreaterThan(0);
    expect(april.explanation.steps.filter((s: { say: string }) => s.say.startsWith('Arrears for'))).toHaveLength(3);

    for (let m = 5; m <= 12; m++) await payMonth(m);
    const paid = (await app.ds.query(
      `SELECT worker_id AS id, sum(base_fen + arrears_fen)::float8 AS fen FROM pay_slips WHERE worker_id = ANY($1) AND period LIKE '2027-%'
        GROUP BY 1 ORDER BY 1`,
      [WORKERS],
    )) as Array<{ id: string; fen: number }>;
    // 2027-proposal: 30% performance share (the unit's pool, PAY-6); the base part settles exactly, once.
    expect(paid.map((p) => p.fen)).toEqual(round2.map((fen) => Math.round(fen * 0.7)));
  });
});
