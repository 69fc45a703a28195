import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';

/** What one e2e run leaves on the shared stack: its workflows (by task queue) and its schemas. */
export interface E2eRunLeftovers {
  taskQueues: readonly string[];
  schemas: readonly string[];
}

/**
 * Ends the run's still-running workflows and drops its schemas, so the next spec (and the
 * reliability tier's personal-data scan) meets none of them. Call after the services stopped:
 * a stopped worker cannot pick a terminated workflow back up mid-task.
 */
export async function cleanUpE2eRun({ taskQueues, schemas }: E2eRunLeftovers): Promise<void> {
  if (process.env.TEMPORAL_ADDRESS) {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
      for (const taskQueue of taskQueues) {
        for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
          // Already completed between the list and the call: nothing to end.
          await client.workflow
            .getHandle(wf.workflowId)
            .terminate('e2e finished')
            .catch(() => undefined);
        }
      }
    } finally {
      await connection.close();
    }
  }
  const pg = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  await pg.connect();
  try {
    for (const schema of schemas) await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pg.end();
  }
}
