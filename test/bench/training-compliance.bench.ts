/**
 * TRAIN-3/TRAIN-4 yearly compliance of the city: 62,000 workers with a year of attendance rows
 * (about 50 per worker, ~3 million, plus the year before for the off-the-job window):
 *   npm run bench -- test/bench/training-compliance.bench.ts [--workers 62000] [--rows 50] [--chunk 2000] [--keep]
 * Loads a throw-away schema of TEST_DATABASE_URL's database, VACUUM ANALYZEs, then times the service's
 * run (streamed keyset chunks: one set-based read per chunk, @cwp/policy `trainingCompliance` +
 * explanation per worker, one unnest upsert and one batch outbox append per chunk, exactly the
 * activity's path) and, in the same run, a raw SQL aggregate of the same rows. Prints figures;
 * asserts nothing.
 */
import { OutboxWriter, createServiceDataSource, runMigrations, testing, withStackEnv } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { trainingEventContracts } from '@cwp/contracts';
import { ComplianceRepository, ComplianceService, trainingMigrations } from '@cwp/training/testing';

const workers = Number(testing.benchArg('workers') ?? 62_000);
const rowsPerWorker = Number(testing.benchArg('rows') ?? 50);
const chunk = Number(testing.benchArg('chunk') ?? 2_000);
const keep = process.argv.includes('--keep');
const YEAR = 2026;

async function main(): Promise<void> {
  const env = withStackEnv(process.env);
  const url = testing.assertTestDatabaseUrl(env.TEST_DATABASE_URL);
  const schema = `train_bench_${Date.now()}`;
  const ds = createServiceDataSource({ url, schema, migrations: trainingMigrations, poolSize: 4, logging: ['error'] });
  await ds.initialize();
  await runMigrations(ds);
  try {
    const t0 = performance.now();
    await ds.query(
      `INSERT INTO trainees (worker_id, unit_code, hired_on, workflow_started_at)
       SELECT 'w' || lpad(g::text, 7, '0'),
              '3101' || lpad((1 + g % 16)::text, 2, '0') || lpad((1 + g % 12)::text, 3, '0') || lpad((1 + g % 20)::text, 3, '0'),
              make_date(2010 + g % 16, 1 + g % 12, 1), now()
         FROM generate_series(1, $1) AS g`,
      [workers],
    );
    await ds.query(`SELECT setseed(0.13)`);
    // A year of attendance and online completions: about 1.7 hours a row, one off-the-job class
    // row for every third worker in the year, one in the year before for another third.
    await ds.query(
      `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, recorded_by)
       SELECT gen_random_uuid(), t.worker_id, $2, make_date($2, 1, 1) + (r * 7) % 365, round((0.5 + random() * 2.4)::numeric, 1),
              r = 1 AND right(t.worker_id, 1)::int % 3 = 0, CASE WHEN r % 2 = 0 THEN 'online' ELSE 'attendance' END, 'bench'
         FROM trainees t CROSS JOIN generate_series(1, $1) AS r`,
      [rowsPerWorker, YEAR],
    );
    await ds.query(
      `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, recorded_by)
       SELECT gen_random_uuid(), worker_id, $1 - 1, make_date($1 - 1, 6, 1), 8, true, 'attendance', 'bench'
         FROM trainees WHERE right(worker_id, 1)::int % 3 = 1`,
      [YEAR],
    );
    // VACUUM as autovacuum would have long since done for a year of rows: sets the visibility map,
    // so the run's index-only range scans read no heap (the raw aggregate scans the table either way).
    await ds.query('VACUUM ANALYZE');
    const [{ n: hourRows }] = await ds.query(`SELECT count(*)::int AS n FROM training_hours`);
    console.log(`loaded ${workers} workers and ${hourRows} hour rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Only the run is exercised: it uses the DataSource, the repository, the batch outbox, the catalog and the chunk size.
    const repository = new ComplianceRepository(ds);
    const outbox = new OutboxWriter('training', trainingEventContracts);
    const service = new ComplianceService(
      ds,
      repository,
      null as never,
      null as never,
      null as never,
      outbox,
      null as never,
      defaultPolicyCatalog(),
      { taskQueue: 'bench', workersConsumer: 'bench', complianceChunk: chunk, reminderDaysBeforeDue: 90 },
    );

    const r0 = performance.now();
    const raw = await ds.query(
      `SELECT count(*)::int AS workers, count(*) FILTER (WHERE hours < 80)::int AS short
         FROM (SELECT worker_id, sum(hours) FILTER (WHERE year = $1) AS hours, bool_or(off_job) AS off_job
                 FROM training_hours WHERE year BETWEEN $1 - 1 AND $1 GROUP BY worker_id) a`,
      [YEAR],
    );
    const rawMs = performance.now() - r0;

    // Where the run's time goes: the repository's read and write and the outbox append, timed in place.
    const phases = { read: 0, write: 0, outbox: 0 };
    const timed =
      <A extends unknown[], R>(phase: keyof typeof phases, fn: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        const t = performance.now();
        try {
          return await fn(...a);
        } finally {
          phases[phase] += performance.now() - t;
        }
      };
    repository.chunk = timed('read', repository.chunk.bind(repository));
    repository.upsert = timed('write', repository.upsert.bind(repository));
    outbox.appendMany = timed('outbox', outbox.appendMany.bind(outbox));

    let heartbeats = 0;
    const s0 = performance.now();
    const outcome = await service.run(YEAR, '', () => heartbeats++);
    const serviceMs = performance.now() - s0;
    const [{ n: events }] = await ds.query(`SELECT count(*)::int AS n FROM outbox`);

    console.log(`raw SQL aggregate of the same rows: ${rawMs.toFixed(0)} ms (${raw[0].workers} workers, ${raw[0].short} under 80 hours)`);
    console.log(
      `service run: ${serviceMs.toFixed(0)} ms for ${outcome.workers} workers in ${heartbeats} chunks of ${chunk} ` +
        `(${outcome.shortfalls} shortfalls, ${events} events appended) = ${(serviceMs / rawMs).toFixed(1)} × the raw aggregate, ` +
        `${Math.round(outcome.workers / (serviceMs / 1000))} workers/s; peak heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
    testing.printBenchRow({
      measure: `training compliance run, ${outcome.workers} workers in chunks of ${chunk} (vs a raw SQL aggregate of the same rows)`,
      unit: 's',
      platform: Number((serviceMs / 1000).toFixed(2)),
      baseline: Number((rawMs / 1000).toFixed(2)),
    });
    const other = serviceMs - phases.read - phases.write - phases.outbox;
    console.log(
      `  of which: chunk reads ${phases.read.toFixed(0)} ms, result upserts ${phases.write.toFixed(0)} ms, outbox appends ${phases.outbox.toFixed(0)} ms, ` +
        `policy verdicts and the rest ${other.toFixed(0)} ms`,
    );
  } finally {
    if (!keep) await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
