#!/usr/bin/env node
// Writes (`write`) and later checks (`check`) one piece of data in each server, to prove that
// `stack.sh stop` + `stack.sh up` keeps data: a PostgreSQL row, a Kafka record, a running Temporal
// workflow (started on a task queue without a worker, so it stays open). Used by verify-restart.sh.
'use strict';

const TOPIC = 'cwp.stack.restart-probe';
const WORKFLOW_ID = 'stack-restart-probe';

async function write(env, token) {
  const { Client: PgClient } = require('pg');
  const pg = new PgClient({ connectionString: env.DATABASE_URL });
  await pg.connect();
  await pg.query('CREATE TABLE IF NOT EXISTS stack_restart_probe (token text PRIMARY KEY)');
  await pg.query('INSERT INTO stack_restart_probe (token) VALUES ($1)', [token]);
  await pg.end();

  const producer = kafka(env).producer();
  await producer.connect();
  await producer.send({ topic: TOPIC, acks: -1, messages: [{ key: 'probe', value: token }] });
  await producer.disconnect();

  const { connection, client } = await temporal(env);
  await client.workflow.start('restartProbe', { taskQueue: 'stack-restart-probe', workflowId: WORKFLOW_ID, args: [token] });
  await connection.close();
}

async function check(env, token) {
  const { Client: PgClient } = require('pg');
  const pg = new PgClient({ connectionString: env.DATABASE_URL });
  await pg.connect();
  const { rowCount } = await pg.query('SELECT 1 FROM stack_restart_probe WHERE token = $1', [token]);
  await pg.end();
  report('postgres row', rowCount === 1);

  const consumer = kafka(env).consumer({ groupId: `restart-probe-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  const found = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 20_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        if (String(message.value) === token) {
          clearTimeout(timer);
          resolve(true);
        }
      },
    });
  });
  await consumer.disconnect();
  report('kafka record', found);

  const { connection, client } = await temporal(env);
  const description = await client.workflow.getHandle(WORKFLOW_ID).describe();
  await connection.close();
  report(`temporal workflow (${description.status.name})`, description.status.name === 'RUNNING');
}

function kafka(env) {
  const { Kafka, logLevel } = require('kafkajs');
  return new Kafka({ clientId: 'restart-probe', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
}

async function temporal(env) {
  const { Connection, Client } = require('@temporalio/client');
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  return { connection, client: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }) };
}

let failures = 0;
function report(what, ok) {
  console.log(`${ok ? 'kept' : 'LOST'}: ${what}`);
  if (!ok) failures += 1;
}

const [command, token] = process.argv.slice(2);
(command === 'write' ? write(process.env, token) : check(process.env, token)).then(
  () => process.exit(failures === 0 ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
