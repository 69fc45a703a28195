import type { Connection } from '@temporalio/client';

/** Readiness: the frontend answers a cheap RPC (no namespace scan). */
export async function checkTemporal(connection: Connection): Promise<void> {
  await connection.workflowService.getSystemInfo({});
}
