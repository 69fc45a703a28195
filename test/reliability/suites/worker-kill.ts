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

/** Workers of the synthetic roster; PAYROLL_APPLY_CHUNK in services.ts makes this 120 chunks (few events: the personal-data scan reads every topic). */
const WORKERS = 1_200;

export interface WorkerKill {
  /** Kills the payroll process mid-apply and starts it again. */
  killMidActivity(): Promise<void>;
  /** Waits for the recalibration to finish and checks nothing was lost or duplicated. */
  finishesOnce(): Promise<void>;
}

export function workerKillFault(tier: Tier): WorkerKill {
  // A past year (a wage is published only once its year is over), random so that reruns rarely meet;
  // a stale workflow of an interrupted run is terminated by Tier.start (the id is per year).
  const payYear = 2017 + Math.floor(Math.random() * 10);
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
  /** Workers in the preview: the synthetic roster plus whatever the projection took from workforce's topic. */
  let total = 0;

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
      // The reference wage: the year before (PAY-3), or the version's base year 2013 (PAY-1), by the version in force.
      for (const year of [payYear - 1, 2013]) {
        const wage = await tier.call('payroll', 'POST', '/wages', { token: 'city', body: { year, annualFen: 14_400_000 } });
        expect(wage.status).toBe(201);
      }
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
      total = previewed.preview.workers as number;
      expect(total).toBeGreaterThanOrEqual(WORKERS);
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
      tier.say(`SIGKILL payroll (worker + API, pid ${proc.child.pid}) mid-apply: ${atKill} of ${total} lines applied`);
      expect(atKill).toBeLessThan(total);
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
      expect(done.progress).toMatchObject({ done: total, total });
      const [changes] = await tier.sql<{ rows: string; workers: string; synthetic: string }>(
        `SELECT count(*) AS rows, count(DISTINCT worker_id) AS workers, count(*) FILTER (WHERE worker_id LIKE $1 || '%') AS synthetic
           FROM ${schema()}.pay_changes`,
        [prefix()],
      );
      const [events] = await tier.sql<{ rows: string; keys: string; synthetic: string }>(
        `SELECT count(*) AS rows, count(DISTINCT message_key) AS keys, count(*) FILTER (WHERE message_key LIKE $1 || '%') AS synthetic
           FROM ${schema()}.outbox WHERE event_type LIKE '%pay.recalibrated%'`,
        [prefix()],
      );
      const [paid] = await tier.sql<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema()}.pay_workers WHERE worker_id LIKE $1 || '%' AND pay_year = $2`,
        [prefix(), payYear],
      );
      tier.say(
        `recalibration ${payYear} applied after the kill: ${total} workers in the preview, ${changes!.rows} pay changes for ${changes!.workers} workers, ${events!.rows} recalibrated events for ${events!.keys} workers, ${paid!.n} synthetic workers paid for ${payYear}`,
      );
      // One change and one event per worker of the preview: none lost, none twice.
      expect(Number(changes!.rows)).toBe(total);
      expect(Number(changes!.workers)).toBe(total);
      expect(Number(changes!.synthetic)).toBe(WORKERS);
      expect(Number(events!.rows)).toBe(total);
      expect(Number(events!.keys)).toBe(total);
      expect(Number(events!.synthetic)).toBe(WORKERS);
      expect(Number(paid!.n)).toBe(WORKERS);
      tier.figures.events += Number(events!.rows);
    },
  };
}
