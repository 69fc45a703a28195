/**
 * Restart safety: an entry committed while its workflow could not be started (crash or Temporal
 * outage between commit and start) gets its workflow from the reconciler, on the real Temporal
 * dev server; running the reconciler again changes nothing.
 */
import { WorkflowReconciler } from '@cwp/platform';
import { createEntriesIntContext, streetPrincipal, type EntriesIntContext } from '../testing/entries-int-context';
import { newRegistration } from '../testing/entry.builders';

let ctx: EntriesIntContext;

beforeAll(async () => {
  ctx = await createEntriesIntContext('tp_reconcile_it');
});

afterAll(async () => {
  await ctx?.close();
});

describe('entry workflow after commit, and the platform reconciler', () => {
  it('starts the workflow of an active entry whose start was never confirmed, once', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    const lost = await ctx.entries.register(newRegistration(), streetPrincipal());
    // As if the process died after the commit: no workflow, flag empty.
    await ctx.client.workflow.getHandle(lost.workflowId).terminate('simulate a crash before start');
    await ctx.ds.query('UPDATE entries SET workflow_started_at = NULL WHERE id = $1', [lost.id]);
    const restarted = (await ctx.client.workflow.getHandle(lost.workflowId).describe()).runId;

    const reconciler = ctx.get(WorkflowReconciler);
    await reconciler.idle();
    expect(await reconciler.reconcile()).toBe(1);

    const description = await ctx.client.workflow.getHandle(lost.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.runId).not.toBe(restarted);
    expect(await ctx.repository.withoutWorkflow(10)).toEqual([]);
    expect(await reconciler.reconcile()).toBe(0);
    // The untouched entry kept its one and only run.
    expect((await ctx.client.workflow.getHandle(entry.workflowId).describe()).status.name).toBe('RUNNING');
  });

  it('an entry that ended before its workflow was started needs none', async () => {
    const entry = await ctx.entries.register(newRegistration(), streetPrincipal());
    await ctx.ds.query('UPDATE entries SET workflow_started_at = NULL WHERE id = $1', [entry.id]);
    await ctx.endings.withdraw(entry.id, { reason: 'candidate-request' }, streetPrincipal());
    expect(await ctx.repository.withoutWorkflow(10)).toEqual([]);
  });
});
