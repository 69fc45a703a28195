#!/usr/bin/env node
// Readiness probes and one-off setup for infra/local/stack.sh, written in Node because the
// PostgreSQL client (pg) and Kafka client (kafkajs) are already in node_modules, while the npm
// PostgreSQL package ships no psql and the Kafka jars start a JVM per command (seconds each).
//   probe.js pg-ensure <url-of-maintenance-db> <db>...  create missing databases
//   probe.js pg-ready <url>                              exit 0 when a query answers
//   probe.js kafka-ready <brokers>                       exit 0 when the cluster metadata answers
//   probe.js http-ok <url>                               exit 0 when GET answers 200
//   probe.js can-bind <port>                             exit 0 when 127.0.0.1:<port> can be listened on
'use strict';

async function pgEnsure(url, dbs) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    for (const db of dbs) {
      if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new Error(`refusing odd database name ${db}`);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE ${db}`);
        console.log(`created database ${db}`);
      }
    }
  } finally {
    await client.end();
  }
}

async function pgReady(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

async function kafkaReady(brokers) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'cwp-stack-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0 || cluster.controller === null) throw new Error('no controller yet');
  } finally {
    await admin.disconnect();
  }
}

async function httpOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
}

// libuv listens with SO_REUSEADDR, like PostgreSQL, the JVM and Go: if this bind works, theirs will.
function canBind(port) {
  const net = require('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) => reject(new Error(error.code || String(error))));
    server.listen({ port: Number(port), host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'pg-ensure') return pgEnsure(args[0], args.slice(1));
  if (command === 'pg-ready') return pgReady(args[0]);
  if (command === 'kafka-ready') return kafkaReady(args[0]);
  if (command === 'http-ok') return httpOk(args[0]);
  if (command === 'can-bind') return canBind(args[0]);
  throw new Error(`unknown probe ${command}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    if (process.env.CWP_PROBE_VERBOSE) console.error(error);
    else console.error(String(error && error.message ? error.message : error));
    process.exit(1);
  },
);
