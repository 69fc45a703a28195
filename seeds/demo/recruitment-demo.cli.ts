/**
 * `npm run up` runs this after the apps answer /ready (beside the other demo states): the demo
 * city's recruitment campaign (recruitment-demo.ts) through the recruitment API, with a district
 * token of 黄浦区 whose subject is DEMO_MARK: the campaign opened on the three streets with most
 * vacancies, synthetic applicants entered by the operator, registration and screening closed, so
 * the campaign is in its pre-exam internship (`GET /api/recruitment/campaigns/<id>/state`).
 *
 *   RECRUITMENT_URL=http://127.0.0.1:3002 npm run ts -- seeds/demo/recruitment-demo.cli.ts
 *
 * RECRUITMENT_URL defaults to the recruitment port in infra/local/ports.json plus CWP_PORT_OFFSET.
 * Idempotent: an existing demo campaign is taken up where it stands (an applicant already
 * registered answers 409, a closed phase is not closed again).
 */
import { Client } from 'pg';
import { validateConfigOrExit } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { DEMO_APPLICANTS, DEMO_RECRUITMENT_DISTRICT, demoOpening, planDemoApplicants, type StreetVacancies } from './recruitment-demo';
import { demoServiceSchema, demoServiceUrl, mintDemoToken } from './demo-service';

/** The workforce service's staffing reaches recruitment by event: on a fresh city it takes a moment. */
const STAFFING_WAIT_MS = 120_000;
const PHASE_WAIT_MS = 120_000;

interface Campaign {
  id: string;
  round: number;
  year: number;
  phase: string;
  posts: Array<{ postId: string; streetCode: string; count: number }>;
}

type Call = (method: string, path: string, body?: unknown, key?: string) => Promise<{ status: number; body: any }>;

async function main(): Promise<void> {
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const today = shanghaiDate(new Date());
  const started = performance.now();
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
  const token = await mintDemoToken(platform, 'district', DEMO_RECRUITMENT_DISTRICT);
  const base = `${demoServiceUrl('recruitment')}/api/recruitment`;
  const call: Call = async (method, path, body, key) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  const campaign = (await existingCampaign(call, today)) ?? (await openCampaign(call, platform.databaseUrl, today));
  console.log(
    `demo city: campaign ${campaign.id} of ${DEMO_RECRUITMENT_DISTRICT}, round ${campaign.round}, ${campaign.posts.length} posts, phase ${campaign.phase} (${seconds()} s)`,
  );

  if (campaign.phase === 'registration') {
    let registered = 0;
    let present = 0;
    const refused = new Map<string, number>();
    const applicants = planDemoApplicants(
      DEMO_APPLICANTS,
      campaign.posts.map((p) => p.postId),
    );
    for (const [i, applicant] of applicants.entries()) {
      const res = await call('POST', `/campaigns/${campaign.id}/applicants`, applicant, `demo-applicant-${campaign.id}-${i}`);
      if (res.status === 201) registered += 1;
      else if (res.status === 409) present += 1;
      else if (res.status === 400 || res.status === 422) refused.set(res.body?.code ?? res.status, (refused.get(res.body?.code) ?? 0) + 1);
      else throw new Error(`applicant ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    const refusals = [...refused].map(([code, n]) => `${n} ${code}`).join(', ') || 'none';
    console.log(
      `demo city: ${registered} synthetic applicants registered, ${present} already present, refused by the rules: ${refusals} (${seconds()} s)`,
    );
  }
  for (const phase of ['registration', 'screening']) await closePhase(call, campaign.id, phase);
  console.log(
    `demo city: campaign ${campaign.id} is in its pre-exam internship (GET ${base}/campaigns/${campaign.id}/state, ranking: /campaigns/${campaign.id}/ranking); ${seconds()} s in all`,
  );
}

/** The demo's campaign of this year, if an earlier run opened it. */
async function existingCampaign(call: Call, today: string): Promise<Campaign | undefined> {
  const res = await call('GET', `/campaigns?year=${today.slice(0, 4)}`);
  if (res.status !== 200) throw new Error(`GET /campaigns answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body.items as Campaign[]).find((c) => c.round === 1 && c.phase !== 'cancelled');
}

/** Opens the campaign once recruitment knows the district's street vacancies (from the workforce events). */
async function openCampaign(call: Call, databaseUrl: string, today: string): Promise<Campaign> {
  const streets = await streetsWithVacancies(databaseUrl);
  const res = await call('POST', '/campaigns', demoOpening(today, streets), `demo-campaign-${today.slice(0, 4)}`);
  if (res.status !== 201) throw new Error(`opening the demo campaign answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Campaign;
}

/** The district's streets by vacancies, read from recruitment's own projection of the staffing events. */
async function streetsWithVacancies(databaseUrl: string): Promise<StreetVacancies[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'cwp-demo-city' });
  await client.connect();
  try {
    const deadline = Date.now() + STAFFING_WAIT_MS;
    for (;;) {
      const { rows } = await client.query<StreetVacancies>(
        `SELECT unit_code AS "unitCode", vacancies FROM "${demoServiceSchema('recruitment')}".unit_staffing
          WHERE unit_code LIKE $1 AND length(unit_code) = 9 AND vacancies > 0 ORDER BY vacancies DESC, unit_code LIMIT 3`,
        [`${DEMO_RECRUITMENT_DISTRICT}%`],
      );
      if (rows.length > 0) return rows;
      if (Date.now() > deadline)
        throw new Error(`recruitment knows no vacancies in ${DEMO_RECRUITMENT_DISTRICT} after ${STAFFING_WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  } finally {
    await client.end();
  }
}

/** Closes `phase` if the campaign is still in it, and waits until the row shows the next one. */
async function closePhase(call: Call, id: string, phase: string): Promise<void> {
  const state = async () => (await call('GET', `/campaigns/${id}/state`)).body?.phase as string | undefined;
  if ((await state()) !== phase) return;
  const res = await call('POST', `/campaigns/${id}/close-phase`, { phase });
  if (res.status !== 200 && res.status !== 409) throw new Error(`closing ${phase} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const deadline = Date.now() + PHASE_WAIT_MS;
  while ((await state()) === phase) {
    if (Date.now() > deadline) throw new Error(`the campaign stayed in ${phase} for ${PHASE_WAIT_MS / 1000} s after closing it`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch((error: unknown) => {
  console.error('demo recruitment failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
