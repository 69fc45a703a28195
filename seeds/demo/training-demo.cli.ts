/**
 * `npm run up` runs this after the apps answer /ready (beside the appraisal demo): the demo city's
 * training (training-demo.ts), written set-based into the training schema, then this year's
 * compliance run started through the training API (`POST /compliance/runs`, a city token whose
 * subject is DEMO_MARK): the service's workflow judges the city in the background, so the report
 * (`GET /compliance/report?unitCode=31&year=…`) shows real shortfalls a minute later.
 *
 *   TRAINING_URL=http://127.0.0.1:3004 npm run ts -- seeds/demo/training-demo.cli.ts
 *
 * TRAINING_URL defaults to the training port in infra/local/ports.json plus CWP_PORT_OFFSET.
 * Idempotent: fixed ids, ON CONFLICT DO NOTHING, hours only once; a run already going answers 409.
 */
import { createServiceDataSource, validateConfigOrExit } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { loadTrainingDemo } from './training-demo';
import { demoServiceSchema, demoServiceUrl, mintDemoToken } from './demo-service';
import { workforceSchema } from './workforce-schema';

async function main(): Promise<void> {
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const started = performance.now();
  const ds = createServiceDataSource({ url: platform.databaseUrl, schema: demoServiceSchema('training'), poolSize: 2, logging: ['error'] });
  await ds.initialize();
  try {
    const n = await loadTrainingDemo(ds, workforceSchema(), year, today);
    console.log(
      `demo city: training roster ${n.trainees}, library ${n.resources}, classes ${n.classes} (${n.enrolments} enrolled), ` +
        `${n.hours} hour rows, ${n.fourOnes} four-ones records in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await ds.destroy();
  }
  const token = await mintDemoToken(platform);
  const res = await fetch(`${demoServiceUrl('training')}/api/training/compliance/runs`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `demo-city-training-compliance-${today}`,
    },
    body: JSON.stringify({ year }),
  });
  if (res.status !== 202 && res.status !== 409 && res.status !== 200)
    throw new Error(`starting the ${year} compliance run answered ${res.status}: ${await res.text()}`);
  console.log(`demo city: the ${year} training compliance run is under way (GET /api/training/compliance/runs/${year})`);
}

main().catch((error: unknown) => {
  console.error('demo training failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
