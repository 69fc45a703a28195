/**
 * A Temporal worker SIGKILLed mid-activity (issue 8, faults): payroll's yearly recalibration
 * (PAY-3) applies its lines in a chunked, heartbeating activity, one transaction per chunk. The
 * payroll process (API + worker) is killed while the apply is half done and started again; the
 * activity is retried once its heartbeat times out, resumes at the lines not yet applied, and the
 * recalibration finishes with every worker changed once: one `pay_changes` row and one
 * `pay.recalibrated` event per worker, none lost, none twice.
 *
 * The retry waits for the activity's heartbeat timeout (one minute in the workflow), so the suite
 * is two tests: the first kills and restarts, the second (registered to run after the other
 * faults) waits for the outcome; the heartbeat timeout elapses while the other faults run.
 */
import { eventually, type Tier } from '../support/tier';

/** Workers of the synthetic roster; PAYROLL_APPLY_CHUNK in services.ts makes this 120 chunks. */
const WORKERS = 6_000;

export interface WorkerKill {
  /** Kills the payroll process mid-apply and starts it again. */
  killMidActivity(): Promise<void>;
  /** Waits for the recalibration to finish and checks nothing was lost or duplicated. */
  finishesOnce(): Promise<void>;
}

export function workerKillFault(tier: Tier): WorkerKill {
  // A year no other run of the namespace uses (the workflow id is per year); its wage is the year before.
  const payYear = 2040 + Math.floor(Math.random() * 55);
  const prefix = () => `rk${tier.run}`;
  const schema = () => tier.definition('payroll').schema(tier.run);
  const applied = async () =>
    Number(
      (
        await tier.sql<{ n: string }>(`SELECT count(*) AS n FROM ${schema()}.recalibration_lines WHERE pay_year = $1 AND applied`, [
          payYear,
        ])
      )[0]!.n,
    );
  let killedAt = -1;

  return {
    async killMidActivity() {
      // The roster, set-based, as the projection would hold it (post mix and levels spread, 南京东路街道).
      await tier.sql(
        `INSERT INTO ${schema()}.pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
         SELECT $2 || lpad(i::text, 6, '0'), '310101002001', 'on-duty', 'recruited',
                CASE WHEN i % 20 = 0 THEN 'head' WHEN i % 7 = 0 THEN 'manager' ELSE 'staff' END,
                1 + i % 18, date '2000-01-01' + (i * 3) % 9000
           FROM generate_series(1, $1) AS i`,
        [WORKERS, prefix()],
      );
      const wage = await tier.call('payroll', 'POST', '/wages', { token: 'city', body: { year: payYear - 1, annualFen: 14_400_000 } });
      expect(wage.status).toBe(201);
      const started = await tier.call('payroll', 'POST', `/recalibrations/${payYear}/start`, { token: 'city' });
      expect(started.status).toBe(200);
      const previewed = await eventually(
        async () => {
          const r = await tier.call('payroll', 'GET', `/recalibrations/${payYear}`, { token: 'city', quiet: true });
          return r.body?.phase === 'awaiting-approval' ? r.body : undefined;
        },
        90_000,
        'the preview',
      );
      expect(previewed.preview.workers).toBe(WORKERS);
      const approved = await tier.call('payroll', 'POST', `/recalibrations/${payYear}/approve`, {
        token: 'city',
        body: { previewId: previewed.preview.previewId },
      });
      expect(approved.status).toBe(200);
      // Mid-activity: some chunks committed, most not.
      killedAt = await eventually(
        async () => {
          const n = await applied();
          return n > 0 ? n : undefined;
        },
        90_000,
        'the apply to commit its first chunk',
        20,
      );
      const proc = tier.process('payroll');
      proc.child.kill('SIGKILL');
      tier.figures.faults++;
      await eventually(async () => proc.child.exitCode !== null || proc.child.signalCode !== null, 10_000, 'payroll to be gone');
      const atKill = await applied();
      tier.say(`SIGKILL payroll (worker + API, pid ${proc.child.pid}) mid-apply: ${atKill} of ${WORKERS} lines applied`);
      expect(atKill).toBeLessThan(WORKERS);
      await tier.startService('payroll');
      tier.say('payroll restarted; the apply activity is retried once its heartbeat times out');
    },

    async finishesOnce() {
      expect(killedAt).toBeGreaterThan(0);
      const done = await eventually(
        async () => {
          const r = await tier.call('payroll', 'GET', `/recalibrations/${payYear}`, { token: 'city', quiet: true });
          return r.body?.status === 'applied' ? r.body : undefined;
        },
        150_000,
        'the recalibration to be applied after the restart',
        500,
      );
      expect(done.progress).toMatchObject({ done: WORKERS, total: WORKERS });
      const [changes] = await tier.sql<{ rows: string; workers: string }>(
        `SELECT count(*) AS rows, count(DISTINCT worker_id) AS workers FROM ${schema()}.pay_changes WHERE worker_id LIKE $1 || '%'`,
        [prefix()],
      );
      const [events] = await tier.sql<{ rows: string; keys: string }>(
        `SELECT count(*) AS rows, count(DISTINCT message_key) AS keys FROM ${schema()}.outbox
          WHERE event_type LIKE '%pay.recalibrated%' AND message_key LIKE $1 || '%'`,
        [prefix()],
      );
      const [paid] = await tier.sql<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema()}.pay_workers WHERE worker_id LIKE $1 || '%' AND pay_year = $2`,
        [prefix(), payYear],
      );
      tier.say(
        `recalibration ${payYear} applied after the kill: ${changes!.rows} pay changes for ${changes!.workers} workers, ${events!.rows} recalibrated events for ${events!.keys} workers, ${paid!.n} workers paid for ${payYear}`,
      );
      expect(Number(changes!.rows)).toBe(WORKERS);
      expect(Number(changes!.workers)).toBe(WORKERS);
      expect(Number(events!.rows)).toBe(WORKERS);
      expect(Number(events!.keys)).toBe(WORKERS);
      expect(Number(paid!.n)).toBe(WORKERS);
      tier.figures.events += Number(events!.rows);
    },
  };
}
