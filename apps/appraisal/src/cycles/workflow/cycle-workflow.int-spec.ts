/**
 * Commit-then-start of the yearly cycle workflow on the real Temporal dev server and PostgreSQL:
 * an opened cycle's workflow runs and its start is recorded; a cycle whose start an outage or a
 * crash left unrecorded is started by the platform WorkflowReconciler (the same pass it runs at
 * boot, on its sweep and when Temporal becomes reachable again), once; a published cycle needs none.
 */
import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import { WorkflowReconciler, platformMigrations, testing } from '@cwp/platform';
import { appraisalMigrations } from '../../migrations';
import { appraisalCoreForTests } from '../../testing';
import { WorkforceWorkersHandler } from '../../records';
import { CyclesModule } from '../cycles.module';
import { CyclesService } from '../cycles.service';
import { CycleRepository } from '../cycle.repository';

jest.setTimeout(90_000);

const taskQueue = `appraisal-cycle-it-${randomBytes(4).toString('hex')}`;
const district = (code: string) => ({ sub: `district-${code}`, role: 'district' as const, unit: code });
const workflowIds: string[] = [];

let ctx: testing.IntegrationContext;
let client: Client;

beforeAll(async () => {
  ctx = await testing.createIntegrationContext({
    service: 'appraisal',
    schemaPrefix: 'appr_cycle_wf_it',
    // No worker on this queue: the workflows wait, which is all this spec looks at.
    temporal: { taskQueue, workflowStart: { sweepSeconds: 0 } },
    imports: [appraisalCoreForTests(taskQueue, { workersConsumer: 'appraisal-cycle-it' }), CyclesModule],
    // The context applies the platform's migrations itself.
    migrations: appraisalMigrations.filter((m) => !platformMigrations.includes(m)),
    // The workforce events are not consumed here (no inbox): the handler is left out.
    override: (builder) => builder.overrideProvider(WorkforceWorkersHandler).useValue({}),
  });
  client = ctx.get(Client);
  await ctx.get(WorkflowReconciler).idle();
});

afterAll(async () => {
  for (const id of workflowIds)
    await client?.workflow
      .getHandle(id)
      .terminate('test done')
      .catch(() => undefined);
  await ctx?.close();
});

async function open(unitCode: string, year: number) {
  const row = await ctx
    .get(CyclesService)
    .open({ unitCode, year, ratingClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }, district(unitCode));
  workflowIds.push(`appraisal-cycle:${unitCode}:${year}`);
  return row;
}

const startedAt = async (id: string): Promise<Date | null> =>
  (await ctx.ds.query(`SELECT workflow_started_at FROM cycles WHERE id = $1`, [id]))[0].workflow_started_at;

describe('cycle workflow after the commit, and the platform reconciler', () => {
  it('an opened cycle runs its workflow (id from unit and year) and records the start', async () => {
    const year = 2016 + Math.floor(Math.random() * 85);
    const row = await open('310104', year);
    expect(await startedAt(row.id)).not.toBeNull();
    const description = await client.workflow.getHandle(`appraisal-cycle:310104:${year}`).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('appraisalCycleWorkflow');
  });

  it('a cycle whose workflow was never started (Temporal down, or a crash after the commit) is started by the reconciler, once', async () => {
    const year = 2016 + Math.floor(Math.random() * 85);
    const lost = await open('310101', year);
    const handle = client.workflow.getHandle(`appraisal-cycle:310101:${year}`);
    // As if Temporal had been down at the commit: no workflow, start not recorded.
    const firstRun = (await handle.describe()).runId;
    await handle.terminate('simulate a start that never happened');
    await ctx.ds.query(`UPDATE cycles SET workflow_started_at = NULL WHERE id = $1`, [lost.id]);
    expect((await ctx.get(CycleRepository).withoutWorkflow(10)).map((c) => c.id)).toEqual([lost.id]);

    const reconciler = ctx.get(WorkflowReconciler);
    expect(await reconciler.reconcile()).toBe(1);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.runId).not.toBe(firstRun);
    expect(await startedAt(lost.id)).not.toBeNull();
    expect(await reconciler.reconcile()).toBe(0);
  });

  it('a published cycle whose start is unrecorded needs no workflow', async () => {
    const year = 2016 + Math.floor(Math.random() * 85);
    const row = await open('310106', year);
    await client.workflow.getHandle(`appraisal-cycle:310106:${year}`).terminate('simulate a finished cycle');
    await ctx.ds.query(`UPDATE cycles SET phase = 'published', workflow_started_at = NULL WHERE id = $1`, [row.id]);
    expect(await ctx.get(CycleRepository).withoutWorkflow(10)).toEqual([]);
    expect(await ctx.get(WorkflowReconciler).reconcile()).toBe(0);
    await expect(client.workflow.getHandle(`appraisal-cycle:310106:${year}`).describe()).resolves.toMatchObject({
      status: { name: 'TERMINATED' },
    });
  });
});
