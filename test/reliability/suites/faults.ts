/**
 * Faults injected into the running platform, each with the promise it must keep:
 * - SIGKILL of talent-pool mid-burst of registrations: acknowledged = stored = published, no
 *   event id twice with different content, one workflow per stored entry after the restart;
 * - PostgreSQL connections killed mid-request (pg_terminate_backend): every answer a 2xx or a 503,
 *   never a 500, and no partial write (each stored worker has its audit row and its event);
 * - Kafka (this stack's only) stopped while workforce takes writes: writes continue, the outbox
 *   drains once Kafka is back, every key's events arrive in commit order.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TALENT_POOL_ENTRIES_TOPIC, TALENT_POOL_EVENT_TYPES, WORKER_HIRED_TOPIC } from '@cwp/contracts';
import { readEvents, type ReadEvent } from '@cwp/test-support';
import { eventually, ROOT, STATE_DIR, terminateAndWait, type Answer, type Tier } from '../support/tier';

const HIRE = {
  unitCode: '310101002001',
  birthDate: '1988-04-12',
  education: 'bachelor',
  major: 'social-work',
  entryRoute: 'recruited',
  role: 'staff',
  postLevel: 4,
  hiredOn: '2020-03-01',
};

/** `afterServiceKill` registers tests to run right after the talent-pool kill (while its restart overlaps theirs). */
export function faultsSuite(tier: Tier, hooks: { afterServiceKill?: () => void } = {}): void {
  /** Events of `keys` on `topic`, waiting until each key has at least `perKey` of them. */
  async function eventsOf(topic: string, keys: Set<string>, perKey: (key: string) => number): Promise<ReadEvent[]> {
    const events = await readEvents({
      topic,
      filter: (e) => e.key !== null && keys.has(e.key),
      until: (seen) => [...keys].every((k) => seen.filter((e) => e.key === k).length >= perKey(k)),
      timeoutMs: 90_000,
    });
    tier.figures.events += events.length;
    return events;
  }

  /** No event id published twice with different content (a repeat after a lost commit is allowed). */
  function expectIdsConsistent(events: ReadEvent[]): void {
    const byId = new Map<string, string>();
    for (const e of events) {
      const id = String(e.value.id);
      const earlier = byId.get(id);
      if (earlier !== undefined) expect(e.raw).toBe(earlier);
      byId.set(id, e.raw);
    }
  }

  it('SIGKILL mid-burst: every acknowledged registration is stored and published once per id; every stored entry gets one workflow', async () => {
    const answers: Answer[] = [];
    const names: string[] = [];
    let killed = false;
    const proc = tier.process('talent-pool');
    const burst = Array.from({ length: 60 }, (_v, i) => async () => {
      const name = `断电${tier.run}${i}`;
      names.push(name);
      const body = {
        name,
        nationalId: tier.nationalId(),
        phone: tier.phone(),
        source: 'social-worker',
        education: 'bachelor',
        certificates: ['assistant-social-worker'],
        holdingUnit: '310101002',
      };
      try {
        answers.push(await tier.call('talent-pool', 'POST', '/entries', { token: 'street', body, quiet: true }));
      } catch {
        answers.push({ status: 0, text: 'connection lost', body: undefined, ms: 0 });
      }
      if (!killed && answers.filter((a) => a.status === 201).length >= 20) {
        killed = true;
        proc.child.kill('SIGKILL');
        tier.figures.faults++;
        tier.say(`SIGKILL talent-pool (pid ${proc.child.pid}) after ${answers.length} answers`);
      }
    });
    const queue = [...burst];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let next = queue.shift(); next && !killed; next = queue.shift()) await next();
      }),
    );
    if (!killed) throw new Error('the burst ended before the kill');
    await eventually(async () => proc.child.exitCode !== null || proc.child.signalCode !== null, 10_000, 'the killed process to be gone');
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    tier.say(
      `burst: ${answers.length} answers before/at the kill: ${acknowledged.length} acknowledged (201), ${answers.filter((a) => a.status === 0).length} connections lost`,
    );

    await tier.startService('talent-pool');
    tier.say('talent-pool restarted on the same schema');
    const schema = tier.definition('talent-pool').schema(tier.run);
    const stored = (await tier.sql<{ id: string }>(`SELECT id FROM ${schema}.entries WHERE name LIKE $1`, [`断电${tier.run}%`])).map(
      (r) => r.id,
    );
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    const events = await eventsOf(TALENT_POOL_ENTRIES_TOPIC, new Set(stored), () => 1);
    expectIdsConsistent(events);
    const registered = new Set(events.filter((e) => e.value.type === TALENT_POOL_EVENT_TYPES.registered).map((e) => e.key));
    expect([...registered].sort()).toEqual([...stored].sort());

    // The reconciler (at boot) starts what the crash left unstarted: one workflow per stored entry.
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
      const runs = await eventually(
        async () => {
          const found = new Map<string, number>();
          for await (const wf of client.workflow.list({ query: `TaskQueue = 'tp-rel-${tier.run}'` }))
            found.set(wf.workflowId, (found.get(wf.workflowId) ?? 0) + 1);
          return stored.every((id) => found.has(`talent-pool-entry:${id}`)) ? found : undefined;
        },
        90_000,
        'a workflow for every stored entry',
      );
      for (const id of stored) expect(runs.get(`talent-pool-entry:${id}`)).toBe(1);
      tier.say(
        `after restart: ${stored.length} stored = ${registered.size} published (${events.length} messages), ${stored.length} workflows, one run each`,
      );
    } finally {
      await connection.close();
    }
  }, 300_000);

  hooks.afterServiceKill?.();

  it('PostgreSQL connections killed mid-request: 2xx or 503, never 500; no worker without its audit row and event', async () => {
    const name = (i: number) => `断连${tier.run}${i}`;
    let answered = 0;
    const burst = Promise.all(
      Array.from({ length: 40 }, (_v, i) =>
        tier
          .call('workforce', 'POST', '/workers', { token: 'district', body: { ...HIRE, name: name(i) }, quiet: true })
          .catch(() => ({ status: 0, text: '', body: undefined, ms: 0 }))
          .finally(() => answered++),
      ),
    );
    let kills = 0;
    // Kill every client backend of the E2E database but this one, round after round, while the
    // first quarter of the burst is answered; the rest then meets a pool that must have recovered.
    while (answered < 10) {
      // OFFSET 0 fences the subquery: the planner may not evaluate pg_terminate_backend before the pid filter.
      const killed = await tier.sql<{ pid: number }>(
        `SELECT pid FROM (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' OFFSET 0) s WHERE pg_terminate_backend(pid)`,
      );
      kills += killed.length;
    }
    const answers = await burst;
    tier.figures.faults += kills;
    const counts = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    tier.say(`40 hires while ${kills} PostgreSQL backends were terminated → ${JSON.stringify(counts)}`);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 503).every((a) => a.body?.code === 'DEPENDENCY_UNAVAILABLE')).toBe(true);
    expect(answers.filter((a) => a.status === 0)).toEqual([]);

    const schema = tier.definition('workforce').schema(tier.run);
    const workers = await eventually(
      async () => {
        const rows = await tier.sql<{ id: string; audited: string; evented: string }>(
          `SELECT w.id,
              (SELECT count(*) FROM ${schema}.audit_log a WHERE a.entity_id = w.id::text AND a.outcome = 'allowed') AS audited,
              (SELECT count(*) FROM ${schema}.outbox o WHERE o.message_key = w.id::text) AS evented
         FROM ${schema}.workers w WHERE w.name LIKE $1`,
          [`断连${tier.run}%`],
        );
        return rows;
      },
      30_000,
      'the workers table to answer',
    );
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    expect(workers.map((w) => w.id)).toEqual(expect.arrayContaining(acknowledged));
    for (const w of workers) {
      expect(Number(w.audited)).toBeGreaterThanOrEqual(1);
      expect(Number(w.evented)).toBeGreaterThanOrEqual(1);
    }
    // And the service is itself again: a plain write succeeds.
    const after = await eventually(
      async () => {
        const a = await tier.call('workforce', 'POST', '/workers', { token: 'district', body: { ...HIRE, name: name(99) }, quiet: true });
        return a.status === 201 ? a : undefined;
      },
      30_000,
      'a write to succeed after the kills',
    );
    tier.say(
      `${workers.length} workers stored (${acknowledged.length} acknowledged), each with audit row and outbox event; next write ${after.status}`,
    );
  }, 180_000);

  it('Kafka stopped while workforce takes writes: writes answer, the outbox drains after, per-key order holds', async () => {
    const pidFile = path.join(STATE_DIR, 'run', 'kafka.pid');
    if (process.env.CWP_EXTERNAL_KAFKA || !existsSync(pidFile)) {
      tier.say("Kafka is not this stack's own (no .state/run/kafka.pid): fault skipped");
      return;
    }
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    const started = Date.now();
    tier.figures.faults++;
    await terminateAndWait(pid, 'Kafka');
    tier.say(`Kafka (pid ${pid}) stopped in ${Date.now() - started} ms`);
    const schema = tier.definition('workforce').schema(tier.run);
    const ids: string[] = [];
    const slowest: number[] = [];
    try {
      // Hire 10 workers, then change each three times in a row: 40 events, 4 per key, in order.
      for (let i = 0; i < 10; i++) {
        const hired = await tier.call('workforce', 'POST', '/workers', {
          token: 'district',
          body: { ...HIRE, name: `断流${tier.run}${i}` },
          quiet: true,
        });
        expect(hired.status).toBe(201);
        ids.push(hired.body.id);
        let version = hired.body.version as number;
        for (const level of [5, 6, 7]) {
          const changed = await tier.call('workforce', 'PATCH', `/workers/${hired.body.id}`, {
            token: 'district',
            body: { version, postLevel: level },
            quiet: true,
          });
          expect(changed.status).toBe(200);
          version = changed.body.version;
          slowest.push(changed.ms);
        }
        slowest.push(hired.ms);
      }
      const pending = await tier.sql<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
      tier.say(`Kafka down: 40 writes answered (slowest ${Math.max(...slowest)} ms), ${pending[0]!.n} events waiting in the outbox`);
      expect(Number(pending[0]!.n)).toBeGreaterThanOrEqual(40);
    } finally {
      execFileSync('bash', [path.join(ROOT, 'infra/local/stack.sh'), 'up'], { stdio: 'ignore', env: process.env });
      tier.say(`Kafka back after ${Math.round((Date.now() - started) / 1000)} s down`);
    }
    await eventually(
      async () =>
        Number((await tier.sql<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE published_at IS NULL`))[0]!.n) === 0,
      120_000,
      'the outbox to drain',
    );
    const events = await eventsOf(WORKER_HIRED_TOPIC, new Set(ids), () => 4);
    expectIdsConsistent(events);
    for (const id of ids) {
      const firstArrivals = [...new Map(events.filter((e) => e.key === id).map((e) => [String(e.value.id), e])).values()];
      expect(String(firstArrivals[0]?.value.type)).toMatch(/\.hired\.v1$/);
      expect(firstArrivals.slice(1).map((e) => (e.value.data as { postLevel?: number }).postLevel)).toEqual([5, 6, 7]);
    }
    tier.say(`outbox drained; ${events.length} events for ${ids.length} keys, each key in commit order`);
  }, 300_000);
}
