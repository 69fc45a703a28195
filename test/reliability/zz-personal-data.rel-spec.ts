/**
 * After the tier (test/reliability/support/sequencer.js runs this file last): every service log the tier
 * wrote (.state/reliability/<run>/*.log), every cwp.* topic and the Temporal histories of the
 * tier's task queues hold no national ID, mobile number or personRef the tier sent (an event's own
 * `personRef` field excepted: the contracts match persons by it), no name of a record it created,
 * and nothing shaped like a national ID or mobile number at all.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { redactString } from '@cwp/platform';
import { readEvents } from '@cwp/test-support';
import { RELIABILITY_DIR, taskQueuesOf, Tier } from './support/tier';

const tier = new Tier('personal-data');

/** Runs of this tier invocation: the suites write their log folders here; older runs are left alone. */
function runFolders(): string[] {
  if (!existsSync(RELIABILITY_DIR)) return [];
  // test-all.sh sets the start of this tier run; by hand, the runs of the last two hours.
  const since = Number(process.env.CWP_RELIABILITY_SINCE ?? Date.now() - 2 * 3_600_000);
  return readdirSync(RELIABILITY_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(RELIABILITY_DIR, d.name, 'transcript.txt')))
    .map((d) => path.join(RELIABILITY_DIR, d.name))
    .filter((dir) => readdirSync(dir).some((f) => f.endsWith('.log')))
    .filter((dir) => statSync(dir).mtimeMs >= since);
}

/** What the tier sent: national IDs, phones, personRefs and names, from every transcript. */
function sentMarkers(dirs: string[]): Set<string> {
  const markers = new Set<string>();
  for (const dir of dirs) {
    const transcript = readFileSync(path.join(dir, 'transcript.txt'), 'utf8');
    for (const m of transcript.matchAll(/"nationalId":"(\d{17}[\dX])"/g)) markers.add(m[1]!);
    for (const m of transcript.matchAll(/"phone":"(1[3-9]\d{9})"/g)) markers.add(m[1]!);
    for (const m of transcript.matchAll(/"name":"([^"\\]{2,60})"/g)) if (/[\u4e00-\u9fff]{2}/.test(m[1]!)) markers.add(m[1]!);
    if (existsSync(path.join(dir, 'personal.txt')))
      for (const line of readFileSync(path.join(dir, 'personal.txt'), 'utf8').split('\n')) if (line) markers.add(line);
  }
  return markers;
}

/** Findings in one text: a marker the tier sent, or anything the platform's redaction would scrub. */
function findings(text: string, markers: Set<string>): string[] {
  const found = [...markers].filter((m) => text.includes(m)).map((m) => `sent value ${m.slice(0, 4)}…`);
  if (redactString(text) !== text) found.push('a national-ID- or mobile-shaped number');
  return found;
}

it('no log line, topic message or workflow history carries personal data the tier sent', async () => {
  const dirs = runFolders();
  const markers = sentMarkers(dirs);
  tier.say(`scanning ${dirs.length} suite run(s) for ${markers.size} personal values the tier sent`);
  const problems: string[] = [];
  let logLines = 0;
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.log'))) {
      const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
      logLines += lines.length;
      lines.forEach((line, i) => {
        const found = findings(line, markers);
        // Names are personal data in a log line, but the services' own names in an access line are not sent values.
        if (found.length > 0) problems.push(`${path.basename(dir)}/${file}:${i + 1} ${found.join(', ')}`);
      });
    }
  }

  const kafka = new Kafka({ clientId: `rel-scan-${tier.run}`, brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith('cwp.'));
  const offsets = await Promise.all(
    topics.map(async (t) => [t, (await admin.fetchTopicOffsets(t)).reduce((n, p) => n + Number(p.offset) - Number(p.low), 0)] as const),
  );
  await admin.disconnect();
  let messages = 0;
  for (const [topic, count] of offsets) {
    if (count === 0) continue;
    const events = await readEvents({ topic, until: (seen) => seen.length >= count, timeoutMs: 60_000 });
    messages += events.length;
    for (const e of events) {
      // An event's `personRef` field is how services match a person across boundaries (the
      // contract allows it there, hashed); anywhere else, and in logs and histories, it is a leak.
      // JSON spacing is free: the relay sends the stored jsonb's text (`"personRef": "…"`).
      const found = findings(e.raw.replace(/"personRef"\s*:\s*"[0-9a-f]{64}"/g, '"personRef":"<allowed>"'), markers);
      if (found.length > 0) problems.push(`${topic}@${e.partition}:${e.offset} ${found.join(', ')}`);
    }
  }

  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  let histories = 0;
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    const queues = dirs.flatMap((d) => taskQueuesOf(path.basename(d)));
    for await (const wf of client.workflow.list({ query: `TaskQueue IN (${queues.map((q) => `'${q}'`).join(', ')})` })) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      histories++;
      const text = JSON.stringify(history, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
      const found = findings(text, markers);
      if (found.length > 0) problems.push(`workflow ${wf.workflowId} ${found.join(', ')}`);
    }
  } finally {
    await connection.close();
  }
  tier.say(
    `scanned ${logLines} log lines, ${messages} messages on ${topics.length} topics, ${histories} workflow histories: ${problems.length} finding(s)`,
  );
  for (const p of problems.slice(0, 50)) tier.say(`✗ ${p}`);
  tier.figures.events += messages;
  const since = Number(process.env.CWP_RELIABILITY_SINCE ?? Date.now() - 2 * 3_600_000);
  const figuresFile = path.join(RELIABILITY_DIR, 'figures.jsonl');
  const runs = existsSync(figuresFile)
    ? readFileSync(figuresFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((f) => Date.parse(String(f.at)) >= since)
    : [];
  const sum = (key: string) => runs.reduce((n, f) => n + Number(f[key] ?? 0), 0) + (key === 'events' ? messages : 0);
  tier.say(
    `tier figures: ${sum('requests')} requests sent, ${sum('faults')} faults injected, ${sum('events')} events counted, ${sum('serverErrors')} answers 5xx other than 503, ${sum('unavailable')} × 503 during faults, ${problems.length} personal-data findings`,
  );
  expect(markers.size).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 300_000);

afterAll(() => tier.stop(), 60_000);
