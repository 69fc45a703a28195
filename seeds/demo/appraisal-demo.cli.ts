/**
 * `npm run up` runs this after the apps answer /ready (before the reserve entries): the demo
 * city's appraisal (appraisal-demo.ts). Records and last year's published results of
 * DEMO_APPRAISAL_DISTRICT are written set-based into the appraisal schema; this year's cycle is
 * opened and partly rated through the appraisal API (a district token whose subject is DEMO_MARK,
 * an Idempotency-Key per request), so the service starts its workflow (rating window open,
 * reminder, deadline).
 *
 *   APPRAISAL_URL=http://127.0.0.1:3005 npm run ts -- seeds/demo/appraisal-demo.cli.ts
 *
 * APPRAISAL_URL defaults to the appraisal port in infra/local/ports.json plus CWP_PORT_OFFSET.
 * Idempotent: records are inserted once, a cycle that exists is left as it is.
 */
import { createServiceDataSource, validateConfigOrExit } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { DEMO_APPRAISAL_DISTRICT, loadDemoRecords, loadLastYearResults } from './appraisal-demo';
import { demoServiceSchema, demoServiceUrl, mintDemoToken } from './demo-service';
import { workforceSchema } from './workforce-schema';

const DAY_MS = 86_400_000;
/** Share of the district's workers their management unit has rated so far this year. */
const RATED_SO_FAR = 0.6;

async function main(): Promise<void> {
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const started = performance.now();
  const ds = createServiceDataSource({
    url: platform.databaseUrl,
    schema: demoServiceSchema('appraisal'),
    poolSize: 2,
    logging: ['error'],
  });
  await ds.initialize();
  try {
    const records = await loadDemoRecords(ds, workforceSchema());
    const results = await loadLastYearResults(ds, year - 1);
    console.log(
      `demo city: ${records} appraisal records, ${results} published ${year - 1} results of ${DEMO_APPRAISAL_DISTRICT} ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const token = await mintDemoToken(platform, 'district', DEMO_APPRAISAL_DISTRICT);
    const api = (path: string, key: string, body?: unknown) =>
      fetch(`${demoServiceUrl('appraisal')}/api/appraisal${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const cycles = (await (await api(`/cycles?year=${year}`, 'read')).json()) as { unitCode: string }[];
    if (cycles.some((c) => c.unitCode === DEMO_APPRAISAL_DISTRICT)) {
      console.log(`demo city: the ${year} appraisal cycle of ${DEMO_APPRAISAL_DISTRICT} is already open`);
      return;
    }
    // Dates from today's midnight (Shanghai): a rerun the same day sends the same request, which the key replays.
    const midnight = Date.parse(`${today}T00:00:00+08:00`);
    const opened = await api(`/cycles`, `demo-city-appraisal-cycle-${today}`, {
      unitCode: DEMO_APPRAISAL_DISTRICT,
      year,
      ratingOpensAt: new Date(midnight - 14 * DAY_MS).toISOString(),
      ratingClosesAt: new Date(midnight + 21 * DAY_MS).toISOString(),
      reminderDays: 7,
    });
    if (opened.status === 409) {
      console.log(`demo city: the ${year} appraisal cycle of ${DEMO_APPRAISAL_DISTRICT} is already open`);
      return;
    }
    if (opened.status !== 201) throw new Error(`opening the ${year} cycle answered ${opened.status}: ${await opened.text()}`);
    const cycle = (await opened.json()) as { id: string };

    // The workflow opens the window (its first activity); ratings are taken from then on.
    for (let i = 0; ; i++) {
      const phase = ((await (await api(`/cycles/${cycle.id}`, 'read')).json()) as { phase: string }).phase;
      if (phase === 'rating') break;
      if (i >= 120) throw new Error(`the ${year} cycle's workflow did not open the rating window within 60 s (phase ${phase})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const rated: { workerId: string; v: number }[] = await ds.query(
      `SELECT worker_id AS "workerId", 66 + (abs(hashtext(worker_id)) % 23) AS v FROM worker_records
        WHERE status = 'active' AND unit_code LIKE $1 AND abs(hashtext(worker_id || 'rated')) % 100 < $2 ORDER BY worker_id`,
      [`${DEMO_APPRAISAL_DISTRICT}%`, Math.round(RATED_SO_FAR * 100)],
    );
    for (let i = 0; i < rated.length; i += 500) {
      const ratings = rated.slice(i, i + 500).map(({ workerId, v }) => ({
        workerId,
        scores: { morality: v, ability: v, diligence: v, performance: v, integrity: v },
      }));
      const res = await api(`/cycles/${cycle.id}/ratings`, `demo-city-appraisal-ratings-${today}-${i}`, { source: 'management', ratings });
      if (res.status !== 200) throw new Error(`management ratings answered ${res.status}: ${await res.text()}`);
    }
    console.log(
      `demo city: the ${year} appraisal cycle of ${DEMO_APPRAISAL_DISTRICT} is open (workflow appraisal-cycle:${DEMO_APPRAISAL_DISTRICT}:${year}), ` +
        `${rated.length} workers rated by their management unit so far; ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('demo appraisal failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
