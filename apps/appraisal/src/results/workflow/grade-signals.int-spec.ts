/**
 * APPR-5 grade delivery on the real Temporal dev server and PostgreSQL, with the service's own
 * worker running the performance-record workflow and its activities: publication commits the
 * results, then signals each worker's record (signal-with-start, chunked, marked per chunk). A
 * Temporal failure at that moment (the client refuses every signal, as in an outage) leaves the
 * results unsignalled; once Temporal answers again, the grade sweep of the platform
 * WorkflowReconciler delivers them, and a grade re-sent to a record that has it changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { ModuleRef } from '@nestjs/core';
import { appraisalEventContracts } from '@cwp/contracts';
import { WorkflowReconciler, platformMigrations, testing } from '@cwp/platform';
import { appraisalMigrations } from '../../migrations';
import { appraisalCoreForTests } from '../../testing';
import { RecordWorkflows, RecordsService, WorkforceWorkersHandler, createRecordActivities } from '../../records';
import { ResultsModule } from '../results.module';
import { ResultsService } from '../results.service';

jest.setTimeout(120_000);

const YEAR = 2031;
const workers = [
  { workerId: randomUUID(), grade: 'unqualified' },
  { workerId: randomUUID(), grade: 'qualified' },
  { workerId: randomUUID(), grade: 'excellent' },
] as const;
const recordIds = workers.map((w) => `appraisal-record:${w.workerId}`);

let ctx: testing.IntegrationContext;
let client: Client;
let cycleId: string;

beforeAll(async () => {
  const taskQueue = testing.uniqueName('appraisal-grades-it');
  ctx = await testing.createIntegrationContext({
    service: 'appraisal',
    schemaPrefix: 'appr_grades_it',
    produces: appraisalEventContracts,
    temporal: {
      taskQueue,
      workflows: { workflowsPath: require.resolve('@cwp/appraisal-workflows') },
      activities: (ref: ModuleRef) => ({ ...createRecordActivities(ref.get(RecordsService, { strict: false })) }),
      runWorker: true,
      // A quick probe: the sweep runs as soon as Temporal answers again; no timed sweep.
      workflowStart: { probeIntervalMs: 200, sweepSeconds: 0 },
    },
    imports: [appraisalCoreForTests(taskQueue, { excellentShareLimit: 0.5 }), ResultsModule],
    migrations: appraisalMigrations.filter((m) => !platformMigrations.includes(m)),
    // The workforce events are not consumed here (no inbox): the handler is left out.
    override: (builder) => builder.overrideProvider(WorkforceWorkersHandler).useValue({}),
  });
  client = ctx.get(Client);
  cycleId = randomUUID();
  await ctx.ds.query(
    `INSERT INTO worker_records (worker_id, unit_code, entry_route, hired_on, workflow_started_at)
     SELECT w, '310101002001', 'recruited', '2024-03-01', now() FROM unnest($1::text[]) AS w`,
    [workers.map((w) => w.workerId)],
  );
  await ctx.ds.query(
    `INSERT INTO cycles (id, unit_code, year, phase, policy_version, rating_opens_at, rating_closes_at, reminder_days, excellent_share_limit, opened_by)
     VALUES ($1, '310101', $2, 'publishing', 'v-test', now() - interval '2 days', now() - interval '1 day', 7, 0.5, 'test')`,
    [cycleId, YEAR],
  );
  await ctx.ds.query(
    `INSERT INTO results (worker_id, year, cycle_id, unit_code, entry_route, score, mapped_grade, grade, policy_version, explanation)
     SELECT w, $2, $1, '310101002001', 'recruited', 70, g, g, 'v-test', '{"rules": [], "inputs": {}, "steps": []}'::jsonb
       FROM unnest($3::text[], $4::text[]) AS t(w, g)`,
    [cycleId, YEAR, workers.map((w) => w.workerId), workers.map((w) => w.grade)],
  );
});

afterAll(async () => {
  for (const id of recordIds)
    await client?.workflow
      .getHandle(id)
      .terminate('test done')
      .catch(() => undefined);
  await ctx?.close();
});

/** Waits until `holds` (polling; `eventually` ends on any defined value, so false becomes undefined). */
const until = (holds: () => Promise<boolean>, timeoutMs: number, what: string): Promise<true> =>
  testing.eventually(async () => ((await holds()) ? true : undefined), timeoutMs, what);

const unsignalled = async (): Promise<number> =>
  (await ctx.ds.query(`SELECT count(*)::int AS n FROM results WHERE cycle_id = $1 AND signalled_at IS NULL`, [cycleId]))[0].n;

/** The grade signals in a record's history (signal-with-start records its signal as one). */
async function gradeSignalsOf(workflowId: string): Promise<unknown[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'appraisalRecordGrade');
}

const admonishments = async (): Promise<number> =>
  (await ctx.ds.query(`SELECT count(*)::int AS n FROM record_tasks WHERE worker_id = $1`, [workers[0].workerId]))[0].n;

describe('APPR-5 grade delivery: publication, the grade sweep, duplicates', () => {
  it('a result published while every signal fails is delivered later by the sweep, once Temporal answers again', async () => {
    const outage = jest
      .spyOn(client.workflow, 'signalWithStart')
      .mockRejectedValue(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }));
    try {
      expect(await ctx.get(ResultsService).publish(cycleId)).toBe(3);
      expect(outage).toHaveBeenCalled();
      expect(await unsignalled()).toBe(3);
      for (const id of recordIds) await expect(client.workflow.getHandle(id).describe()).rejects.toThrow();
    } finally {
      outage.mockRestore();
    }
    // The reachability probe sees Temporal, the reconciler's pass runs the sweep.
    await until(async () => (await unsignalled()) === 0, 30_000, 'the sweep delivered every grade');
    for (const [i, id] of recordIds.entries()) {
      expect(await gradeSignalsOf(id)).toHaveLength(1);
      await until(
        async () => (await ctx.get(RecordWorkflows).state(workers[i]!.workerId))?.grades.length === 1,
        30_000,
        `record ${i} holds its grade`,
      );
      expect((await ctx.get(RecordWorkflows).state(workers[i]!.workerId))!.grades).toEqual([{ year: YEAR, grade: workers[i]!.grade }]);
    }
    // APPR-5: the unqualified worker's record opened its admonishment talk, once.
    await until(async () => (await admonishments()) === 1, 30_000, 'the admonishment task');
  });

  it('a swept result is not sent again; a grade re-sent to a record that has it changes nothing', async () => {
    const reconciler = ctx.get(WorkflowReconciler);
    await reconciler.idle();
    expect(await reconciler.reconcile()).toBe(0);
    expect(await gradeSignalsOf(recordIds[0]!)).toHaveLength(1);

    const before = await ctx.get(RecordWorkflows).state(workers[0].workerId);
    // As if the delivery had not been recorded: the sweep sends the same grade again.
    await ctx.ds.query(`UPDATE results SET signalled_at = NULL WHERE worker_id = $1 AND year = $2`, [workers[0].workerId, YEAR]);
    expect(await reconciler.reconcile()).toBe(1);
    expect(await unsignalled()).toBe(0);
    await until(async () => (await gradeSignalsOf(recordIds[0]!)).length === 2, 15_000, 'the re-sent signal');
    // Processed (a query answers after the signal's workflow task) and ignored.
    expect(await ctx.get(RecordWorkflows).state(workers[0].workerId)).toEqual(before);
    expect(await admonishments()).toBe(1);
  });
});
