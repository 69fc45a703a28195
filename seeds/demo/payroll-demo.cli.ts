/**
 * `npm run up` runs this after the apps answer /ready: the demo city's payroll (payroll-demo.ts).
 * The pay projection of the demo workers is written set-based into the payroll schema; the
 * synthetic reference wage is published, this year's recalibration started, its preview approved
 * and applied, and the current month paid, all through the payroll API (a city token whose subject
 * is DEMO_MARK, an Idempotency-Key per request), so the service's workflow computes and explains
 * every figure.
 *
 *   PAYROLL_URL=http://127.0.0.1:3006 npm run ts -- seeds/demo/payroll-demo.cli.ts
 *
 * PAYROLL_URL defaults to the payroll port in infra/local/ports.json plus CWP_PORT_OFFSET.
 * Idempotent: a published wage, an applied year and a paid month are left as they are.
 */
import { createServiceDataSource, validateConfigOrExit } from '@cwp/platform';
import { defaultPolicyCatalog, referenceWageYear, shanghaiDate } from '@cwp/policy';
import { DEMO_AVERAGE_WAGE_FEN, loadDemoPayWorkers } from './payroll-demo';
import { demoServiceSchema, demoServiceUrl, mintDemoToken } from './demo-service';
import { workforceSchema } from './workforce-schema';

/** How long the city's recalibration may take to preview and to apply (each), on a busy machine. */
const WAIT_MS = 10 * 60_000;

interface Recalibration {
  status: string;
  phase: string | null;
  preview: { previewId: string; workers: number; totalFen: number } | null;
}

async function main(): Promise<void> {
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const period = today.slice(0, 7);
  const started = performance.now();
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
  const ds = createServiceDataSource({ url: platform.databaseUrl, schema: demoServiceSchema('payroll'), poolSize: 2, logging: ['error'] });
  await ds.initialize();
  try {
    const added = await loadDemoPayWorkers(ds, workforceSchema());
    console.log(`demo city: ${added} workers added to the pay projection in ${seconds()} s`);
  } finally {
    await ds.destroy();
  }

  const token = await mintDemoToken(platform);
  const api = async <T>(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${demoServiceUrl('payroll')}/api/payroll${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const expect = (what: string, res: { status: number; body: unknown }, ok: number[]): void => {
    if (!ok.includes(res.status)) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  const until = async (what: string, done: (r: Recalibration) => boolean): Promise<Recalibration> => {
    for (const deadline = Date.now() + WAIT_MS; ;) {
      const res = await api<Recalibration>('GET', `/recalibrations/${year}`, `read-${Date.now()}`);
      if (res.status === 200 && done(res.body)) return res.body;
      if (Date.now() > deadline) throw new Error(`the ${year} recalibration did not ${what} within ${WAIT_MS / 60_000} min`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  };

  // PAY-3: the wage this year's pay is computed on (synthetic, published by DEMO_MARK); 409 when it was.
  const wageYear = referenceWageYear(defaultPolicyCatalog().inForce(today), year);
  const wage = await api('POST', '/wages', `demo-city-wage-${wageYear}`, { year: wageYear, annualFen: DEMO_AVERAGE_WAGE_FEN });
  expect(`publishing the ${wageYear} wage`, wage, [201, 409]);

  const current = await api<Recalibration>('GET', `/recalibrations/${year}`, `read-${Date.now()}`);
  if (current.status === 200 && current.body.status === 'applied') {
    console.log(`demo city: the ${year} recalibration is already applied`);
  } else {
    expect(`starting the ${year} recalibration`, await api('POST', `/recalibrations/${year}/start`, `demo-city-recal-${year}`), [200]);
    const previewed = await until('preview', (r) => r.phase === 'awaiting-approval' || r.status === 'applied');
    if (previewed.status !== 'applied') {
      const preview = previewed.preview!;
      const approved = await api('POST', `/recalibrations/${year}/approve`, `demo-city-approve-${preview.previewId}`, {
        previewId: preview.previewId,
      });
      expect(`approving the ${year} preview`, approved, [200]);
      await until('apply', (r) => r.status === 'applied');
      console.log(`demo city: the ${year} recalibration applied to ${preview.workers} workers (${seconds()} s)`);
    }
  }

  // PAY-2, PAY-5: this month's run (a second run of a month returns the first).
  const run = await api<{ workers: number }>('POST', '/pay-runs', `demo-city-pay-run-${period}`, { period });
  expect(`running ${period}`, run, [200, 201]);
  console.log(`demo city: ${period} paid to ${run.body.workers} workers; ${seconds()} s in all`);
}

main().catch((error: unknown) => {
  console.error('demo payroll failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
