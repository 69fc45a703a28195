/**
 * Batch outbox append (issue 15 goal 4: ≥ 0.5× raw) on the real PostgreSQL: `OutboxWriter.appendMany`
 * of N pay-recalibration events (the city-scale batch path) in one transaction, beside a raw
 * `INSERT … SELECT FROM unnest` of the same rows (ids, keys and envelopes prebuilt, one statement,
 * one transaction) measured in the same run, twice: envelopes as a text[] parameter, and as one
 * newline-joined text split by the server (appendMany's transfer); the ratio is to the faster.
 * Rounds alternate raw and appendMany; the median counts.
 *
 *   npm run bench -- libs/platform/src/outbox/outbox-append-many.bench.ts [--events 65000] [--rounds 3]
 * (6,500 events by default, 65,000 when `npm run bench -- --size city` runs it.)
 *
 * Uses TEST_DATABASE_URL (a throw-away schema). Prints figures; it is not a test.
 */
import { randomUUID } from 'node:crypto';
import { payRecalibratedContract, type PayRecalibratedData } from '@cwp/contracts';
import { withStackEnv } from '../config';
import { benchSize, createTestDataSource, printBenchRow } from '../testing';
import { outboxMigrations } from './outbox.migrations';
import { OutboxWriter } from './outbox-writer';

const flag = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  Object.assign(process.env, withStackEnv(process.env));
  const total = flag('events', benchSize() === 'city' ? 65_000 : 6_500);
  const rounds = flag('rounds', 3);
  const ds = await createTestDataSource({ schemaPrefix: 'outbox_many_bench', migrations: outboxMigrations });
  const writer = new OutboxWriter('payroll', [payRecalibratedContract]);
  const events = Array.from({ length: total }, (_, i) => {
    const workerId = `w${String(i).padStart(7, '0')}`;
    const data: PayRecalibratedData = {
      workerId,
      unitCode: `310101${String(1 + (i % 20)).padStart(3, '0')}`,
      payYear: 2027,
      effectiveFrom: '2027-01-01',
      previousAnnualFen: 15_000_000 + (i % 997),
      annualFen: 15_600_000 + (i % 991),
      deltaFen: 600_000 + (i % 991) - (i % 997),
      performanceShare: 0.3,
      policyVersion: '2027-proposal',
      multiplier: 1.2,
      referenceWageYear: 2026,
      rules: ['PAY-3', 'PAY-5', 'PAY-7', 'POST-1'],
    };
    return { key: workerId, data };
  });
  // The raw rows: the same envelopes a writer would store, built before the clock starts.
  const time = new Date().toISOString();
  const ids = events.map(() => randomUUID());
  const keys = events.map((e) => e.key);
  const envelopes = events.map((e, i) =>
    JSON.stringify({
      id: ids[i],
      source: writer.source,
      type: payRecalibratedContract.type,
      specversion: '1.0',
      time,
      subject: e.key,
      datacontenttype: 'application/json',
      data: e.data,
    }),
  );

  const raw: number[] = [];
  const rawJoined: number[] = [];
  const batch: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      await ds.query('TRUNCATE outbox');
      let t0 = performance.now();
      await ds.transaction(async (em) => {
        await em.query(
          `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, trace_context)
           SELECT u.id, $1, u.key, $2, u.envelope::jsonb, 'null'::jsonb FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(id, key, envelope)`,
          [payRecalibratedContract.topic, payRecalibratedContract.type, ids, keys, envelopes],
        );
      });
      raw.push(performance.now() - t0);

      // The same, with the envelopes as one newline-joined text split by the server (what appendMany sends).
      await ds.query('TRUNCATE outbox');
      t0 = performance.now();
      await ds.transaction(async (em) => {
        await em.query(
          `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, trace_context)
           SELECT u.id, $1, u.key, $2, u.envelope::jsonb, 'null'::jsonb FROM unnest($3::uuid[], $4::text[], string_to_array($5::text, E'\\n')) AS u(id, key, envelope)`,
          [payRecalibratedContract.topic, payRecalibratedContract.type, ids, keys, envelopes.join('\n')],
        );
      });
      rawJoined.push(performance.now() - t0);

      await ds.query('TRUNCATE outbox');
      t0 = performance.now();
      const appended = await ds.transaction((em) => writer.appendMany(em, payRecalibratedContract, events));
      batch.push(performance.now() - t0);
      if (appended !== total) throw new Error(`appended ${appended} of ${total}`);
    }
    const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM outbox')) as [{ n: number }];
    if (n !== total) throw new Error(`stored ${n} of ${total}`);
    const rawMs = Math.min(median(raw), median(rawJoined));
    const batchMs = median(batch);
    const perSecond = (ms: number): number => Math.round(total / (ms / 1000));
    console.log(`outbox appendMany, ${total} events of ${payRecalibratedContract.type}, one transaction (median of ${rounds} rounds)`);
    const line = (label: string, ms: number): void => console.log(`  ${label.padEnd(80)}${Math.round(ms)} ms  ${perSecond(ms)} events/s`);
    line('appendMany (schema + personal-data checks, envelopes, unnest per 5,000)', batchMs);
    line('raw INSERT … SELECT FROM unnest, envelopes as text[] (prebuilt, one statement)', median(raw));
    line('raw INSERT … SELECT FROM unnest, envelopes as one joined text (prebuilt)', median(rawJoined));
    console.log(`  ratio appendMany / faster raw throughput: ${(rawMs / batchMs).toFixed(2)}× (goal ≥ 0.5×, issue 15)`);
    printBenchRow({
      measure: `outbox appendMany, ${total} events in one transaction (vs raw INSERT … unnest)`,
      unit: 'events/s',
      platform: perSecond(batchMs),
      baseline: perSecond(rawMs),
      goal: { atLeast: 0.5 },
    });
    console.log(
      `  rounds (ms): appendMany ${batch.map(Math.round).join(', ')}; raw text[] ${raw.map(Math.round).join(', ')}; raw joined ${rawJoined.map(Math.round).join(', ')}`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
