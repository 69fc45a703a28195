#!/usr/bin/env node
// Exercises a freshly started time-skipping test server with the calls a workflow test makes
// (start, describe, signal, terminate), so the classes behind them land in the CDS archive that
// infra/local/stack.sh trains. Best effort: any failure only makes the archive a little smaller.
'use strict';

async function main(address) {
  const { Connection, Client } = require('@temporalio/client');
  const connection = await Connection.connect({ address, connectTimeout: 5000 });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const handle = await client.workflow.start('cdsTraining', {
      taskQueue: 'cds-training',
      workflowId: `cds-training-${Date.now()}`,
      args: [{ days: 365 }],
    });
    await handle.describe();
    await handle.signal('poke');
    await handle.terminate('CDS training done');
  } finally {
    await connection.close();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error) => {
    console.error(String(error));
    process.exit(1);
  },
);
