/**
 * The yearly recalibration (PAY-3) end to end — Temporal workflow + activities, PostgreSQL, outbox,
 * relay, Kafka — against a raw baseline measured in the same run on the same rows: one batched
 * `UPDATE … FROM unnest` of every worker's new pay plus kafkajs `sendBatch` of the same events.
 *
 *   npm run bench -- apps/payroll/src/recalibration/recalibration.bench.ts [--size 65000] [--chunk 5000]
 *
 * Workers are synthetic and deterministic (a hash of their number picks post, level and hire date)
 * in a throw-away schema of the test database. Prints figures; it is not a test.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import {
  KafkaJsPublisher,
  OutboxRelay,
  createKafka,
  ensureTopics,
  kafkaBrokersFrom,
  testing,
  withStackEnv,
  wrapActivities,
} from '@cwp/platform';
import {
  ContractRegistry,
  payrollEventContracts,
  PAY_RECALIBRATION_WORKFLOW_TYPE,
  payRecalibrationWorkflowId,
  recalibrationApprovalUpdate,
  recalibrationStateQuery,
} from '@cwp/contracts';
import { bundleWorkflowsFromSources } from '@cwp/test-support';
import { CITY, startPayrollTestApp } from '../testing';
import { RecalibrationRunner } from './recalibration-runner.service';
import { createRecalibrationActivities } from './workflow/recalibration.activities';

const flag = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MiB = 1024 * 1024;
/** The smallest of issue 12's sizes (65,000 and 650,000 workers), where its ratio goal applies. */
const CITY_WORKERS = 65_000;
const seconds = (ms: number): string => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  Object.assign(process.env, withStackEnv(process.env));
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const size = flag('size', CITY_WORKERS);
  const chunk = flag('chunk', 5_000);
  const payYear = 2000 + Math.floor(Math.random() * 150) + 40; // a year no other run of the namespace used
  const taskQueue = testing.uniqueName('payroll-bench');

  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const client = new Client({ connection });
  const app = await startPayrollTestApp({
    schemaPrefix: 'payroll_bench',
    client,
    settings: { taskQueue, applyChunk: chunk, applyChunksPerActivity: 10 },
  });
  const kafka = createKafka({ clientId: taskQueue, brokers: kafkaBrokersFrom() });
  const baselineTopic = `cwp.payroll.bench-${randomUUID().slice(0, 8)}`;
  // Every payroll topic (the relay of this bench does not create them; the finish event goes on cwp.payroll.recalibrations).
  await ensureTopics(kafka, [...new ContractRegistry(payrollEventContracts).topics(), baselineTopic]);
  const publisher = new KafkaJsPublisher(kafka);
  const relay = new OutboxRelay(app.ds, publisher, { batchSize: 1_000 });
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! }),
    taskQueue,
    workflowBundle: await bundleWorkflowsFromSources('workflows/payroll/src/index.ts'),
    activities: wrapActivities({ ...createRecalibrationActivities(app.get(RecalibrationRunner)) }),
  });
  const running = worker.run();

  // Synthetic roster: post mix ~5% head, 15% manager, 80% staff; levels 1..18; hired 1990..2026.
  await app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
     SELECT 'b' || lpad(i::text, 7, '0'),
            '3101' || lpad((1 + h % 16)::text, 2, '0') || lpad((1 + (h >> 4) % 12)::text, 3, '0') || lpad((1 + (h >> 8) % 20)::text, 3, '0'),
            'on-duty', 'recruited',
            CASE WHEN h % 100 < 5 THEN 'head' WHEN h % 100 < 20 THEN 'manager' ELSE 'staff' END,
            1 + (h >> 12) % 18, date '1990-01-01' + (h >> 3) % 13000
       FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(1, $1) AS i) s`,
    [size],
  );
  await app.ds.query('INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES ($1, 14400000, $2)', [payYear - 1, CITY.sub]);
  await app.ds.query('ANALYZE pay_workers');

  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  await relay.start();

  // End to end: start → preview → approve (the update) → chunked apply → every event on Kafka.
  const t0 = performance.now();
  const handle = await client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: `${payRecalibrationWorkflowId(payYear)}-${taskQueue}`,
    args: [{ payYear, chunkSize: chunk, chunksPerActivity: 10 }],
  });
  const preview = await testing.eventually(
    async () => {
      const s = await handle.query(recalibrationStateQuery);
      return s.phase === 'awaiting-approval' ? s.preview : undefined;
    },
    600_000,
    'the preview',
  );
  const tPreview = performance.now();
  await handle.executeUpdate(recalibrationApprovalUpdate, { args: [{ previewId: preview!.previewId, approvedBy: CITY }] });
  const tApproved = performance.now();
  await handle.result();
  const tApplied = performance.now();
  await testing.eventually(
    async () => {
      const [r] = (await app.ds.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) as Array<{ n: number }>;
      return r!.n === 0 ? true : undefined;
    },
    600_000,
    'the relay to publish every event',
  );
  const tPublished = performance.now();
  clearInterval(sampler);
  sample();
  const e2eMs = tPublished - t0;

  // Baseline, same rows: one UPDATE … FROM unnest + kafkajs sendBatch of the same events.
  await relay.stop();
  await publisher.disconnect(); // its producer's socket kept the process alive after the last line
  const b0 = performance.now();
  const lines = (await app.ds.query(
    'SELECT worker_id, unit_code, previous_fen::float8 AS previous, new_fen::float8 AS next FROM recalibration_lines WHERE pay_year = $1',
    [payYear],
  )) as Array<{ worker_id: string; unit_code: string; previous: number; next: number }>;
  await app.ds.query(
    'UPDATE pay_workers w SET annual_pay_fen = u.next, pay_year = $1 FROM unnest($2::text[], $3::bigint[]) AS u(id, next) WHERE w.worker_id = u.id',
    [payYear, lines.map((l) => l.worker_id), lines.map((l) => l.next)],
  );
  const b1 = performance.now();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < lines.length; i += 5_000) {
    const messages = lines.slice(i, i + 5_000).map((l) => ({
      key: l.worker_id,
      value: JSON.stringify({
        id: randomUUID(),
        type: 'cwp.payroll.pay.recalibrated.v1',
        data: {
          workerId: l.worker_id,
          unitCode: l.unit_code,
          payYear,
          previousAnnualFen: l.previous,
          annualFen: l.next,
          deltaFen: l.next - l.previous,
        },
      }),
    }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: baselineTopic, messages }] });
  }
  const b2 = performance.now();
  await producer.disconnect();
  const baselineMs = b2 - b0;

  const [events] = (await app.ds.query(
    "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.payroll.pay.recalibrated.v1'",
  )) as Array<{ n: number }>;
  console.log(`pay recalibration, ${size} workers, chunk ${chunk} (PAY-3; Temporal + PostgreSQL + outbox + Kafka)`);
  console.log(`  end to end        ${seconds(e2eMs)} s  → ${Math.round(size / (e2eMs / 1000))} workers/s  (${events!.n} events)`);
  console.log(`    compute (start → preview, set-based SQL + libs/policy)  ${seconds(tPreview - t0)} s`);
  console.log(`    approve (update round trip)                             ${seconds(tApproved - tPreview)} s`);
  console.log(`    write   (chunked apply: pay rows, changes, outbox)      ${seconds(tApplied - tApproved)} s`);
  console.log(`    publish (relay tail after the apply)                    ${seconds(tPublished - tApplied)} s`);
  console.log(
    `  raw baseline      ${seconds(baselineMs)} s  (UPDATE … FROM unnest ${seconds(b1 - b0)} s + sendBatch ${seconds(b2 - b1)} s)`,
  );
  console.log(`  ratio end to end / baseline: ${(e2eMs / baselineMs).toFixed(2)}×`);
  // Issue 12's ratio goal as a row of `npm run bench` (the 5,000 workers/s goal is the line above: a goal, not a baseline).
  // The goal holds at the sizes (65,000 and 650,000 workers); the small run's few chunks are
  // mostly fixed cost (the workflow, its activities, the relay's start) against 0.2 s of baseline.
  testing.printBenchRow({
    measure: `pay recalibration end to end, ${size} workers in chunks of ${chunk} (vs UPDATE … FROM unnest + sendBatch)`,
    unit: 's',
    platform: Number(seconds(e2eMs)),
    baseline: Number(seconds(baselineMs)),
    ...(size >= CITY_WORKERS ? { goal: { atMost: 3 } } : {}),
  });
  console.log(
    `  peak RSS ${Math.round(peakRss / MiB)} MiB, peak heap ${Math.round(peakHeap / MiB)} MiB (sampled every 20 ms; process maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB incl. bundling)`,
  );

  worker.shutdown();
  await running;
  await app.close();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
