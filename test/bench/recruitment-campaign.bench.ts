/**
 * Issue 10's scale: one recruitment campaign of N applicants from registration to appointment on
 * the Temporal dev server, the real PostgreSQL and the service's HTTP wiring (API and campaign
 * worker in this one process, as the service runs them):
 *   npm run -s ts -- test/bench/recruitment-campaign.bench.ts [--applicants 500]
 *   RECRUITMENT_BENCH_APPLICANTS=5000 (or 20000) npm run -s ts -- test/bench/recruitment-campaign.bench.ts
 * Every applicant registers through the operator endpoint (REC-4/5 eligibility, registered event),
 * the district closes each phase as soon as its work is in (timers stay at an hour), and the three
 * scores arrive as one bulk file each. Prints the wall time per phase, the campaign workflow's
 * history (events and bytes, against Temporal's 10,240-event warning) and the workflow/activity
 * start rate beside a trivial no-op workflow's start rate measured in the same run, and the peak
 * RSS of this process (API + worker). Asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { recruitmentCampaignWorkflowId } from '@cwp/contracts';
import { ServiceClock, testing, withStackEnv } from '@cwp/platform';
import { createRecruitmentIntContext, newApplication, newOpening, principalOf, type RecruitmentIntContext } from '@cwp/recruitment/testing';

const applicants = Number(testing.benchArg('applicants') ?? process.env.RECRUITMENT_BENCH_APPLICANTS ?? 500);
const CONCURRENCY = 8;
const TEMPORAL_HISTORY_WARNING = 10_240;
const NOOP_STARTS = 200;
const district = principalOf('district', '310101');
/** The ten streets of 310101 (seeds/org-tree), each with room for its posts (one post per 20 applicants in all). */
const STREETS = [
  '310101002',
  '310101013',
  '310101015',
  '310101017',
  '310101018',
  '310101019',
  '310101020',
  '310101021',
  '310101022',
  '310101023',
];

/** 1,000 applicants per birth date, dates from 1995-01-01 on (aged about 31: eligible, REC-4 preference met). */
function birthDateOf(i: number): string {
  return new Date(Date.UTC(1995, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10).replaceAll('-', '');
}

const MB = 1024 * 1024;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function inParallel(total: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await work(next++);
    }),
  );
}

/** The raw baseline: how fast this dev server accepts starts of a trivial workflow (no worker polls its queue). */
async function noopStartRate(client: Client): Promise<number> {
  const taskQueue = `bench-noop-${randomUUID()}`;
  const ids: string[] = [];
  const t0 = performance.now();
  await inParallel(NOOP_STARTS, async () => {
    const id = `bench-noop-${randomUUID()}`;
    await client.workflow.start('noopWorkflow', { taskQueue, workflowId: id, args: [] });
    ids.push(id);
  });
  const rate = NOOP_STARTS / ((performance.now() - t0) / 1000);
  for (const id of ids)
    await client.workflow
      .getHandle(id)
      .terminate('bench baseline')
      .catch(() => undefined);
  return rate;
}

async function phase(
  ctx: RecruitmentIntContext,
  campaignId: string,
  from: string,
  to: string,
  times: Record<string, number>,
): Promise<void> {
  const t0 = performance.now();
  const res = await ctx.call('POST', `/campaigns/${campaignId}/close-phase`, { principal: district, body: { phase: from } });
  if (res.status !== 200) throw new Error(`close ${from}: ${res.status} ${JSON.stringify(res.body)}`);
  await testing.eventually(
    async () => {
      const s = (await ctx.call('GET', `/campaigns/${campaignId}/state`, { principal: district })).body;
      return s?.phase === to ? s : undefined;
    },
    3_600_000,
    `phase ${to}`,
  );
  times[from] = (performance.now() - t0) / 1000;
}

/**
 * One score kind as bulk files: the platform's JSON body limit (100 kb) holds about 2,000 rows of
 * `applicantId,score`, so larger campaigns upload files of FILE_ROWS rows (each file all or nothing).
 */
const FILE_ROWS = 1_500;

async function scores(ctx: RecruitmentIntContext, campaignId: string, kind: string, ids: string[], times: Record<string, number>) {
  const t0 = performance.now();
  for (let from = 0; from < ids.length; from += FILE_ROWS) {
    const rows = ids.slice(from, from + FILE_ROWS).map((id, i) => `${id},${(60 + (((from + i) * 37) % 4000) / 100).toFixed(2)}`);
    const csv = ['applicantId,score', ...rows].join('\n');
    const res = await ctx.call('POST', `/campaigns/${campaignId}/score-files`, { principal: district, body: { kind, csv } });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${kind} file: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  }
  times[`${kind} files`] = (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  Object.assign(process.env, withStackEnv(process.env));
  const ctx = await createRecruitmentIntContext('rec_bench');
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  try {
    const noopRate = await noopStartRate(client);
    const postsPerStreet = Math.max(1, Math.round(applicants / 20 / STREETS.length));
    for (const street of STREETS) await ctx.staffing(street, postsPerStreet + 10, 0);
    const today = ctx.get(ServiceClock).today();
    const times: Record<string, number> = {};
    const start = performance.now();
    const opened = await ctx.call('POST', '/campaigns', {
      principal: district,
      body: newOpening(
        today,
        STREETS.map((streetCode) => ({ streetCode, count: postsPerStreet })),
      ),
    });
    if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
    const campaignId = opened.body.id as string;
    const openSeconds = (performance.now() - start) / 1000;
    const postIds = (opened.body.posts as Array<{ postId: string }>).map((p) => p.postId);

    const t0 = performance.now();
    const ids: string[] = new Array(applicants);
    await inParallel(applicants, async (i) => {
      const res = await ctx.call('POST', `/campaigns/${campaignId}/applicants`, {
        principal: district,
        // A birth date per thousand and the index as the ID's sequence: every person distinct (personRef).
        body: newApplication(postIds[i % postIds.length]!, {
          name: `申请人${i}`,
          nationalId: testing.syntheticNationalId(birthDateOf(i), String(i % 1000).padStart(3, '0')),
        }),
      });
      if (res.status !== 201) throw new Error(`application ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[i] = res.body.id as string;
      if ((i + 1) % 1000 === 0) process.stderr.write(`registered ${i + 1}/${applicants}\n`);
    });
    times.applications = (performance.now() - t0) / 1000;

    await phase(ctx, campaignId, 'registration', 'screening', times);
    await phase(ctx, campaignId, 'screening', 'internship', times);
    await scores(ctx, campaignId, 'internship', ids, times);
    await phase(ctx, campaignId, 'internship', 'written-exam', times);
    await scores(ctx, campaignId, 'written', ids, times);
    await phase(ctx, campaignId, 'written-exam', 'interview', times);
    await scores(ctx, campaignId, 'interview', ids, times);
    await phase(ctx, campaignId, 'interview', 'assessment', times);
    await phase(ctx, campaignId, 'assessment', 'publicity', times);
    await phase(ctx, campaignId, 'publicity', 'appointed', times);
    const posts = postsPerStreet * STREETS.length;
    await testing.eventually(
      async () => {
        const s = (await ctx.call('GET', `/campaigns/${campaignId}/state`, { principal: district })).body;
        return s?.appointed === posts ? s : undefined;
      },
      600_000,
      'every post appointed',
    );
    const wallSeconds = (performance.now() - start) / 1000;

    const handle = client.workflow.getHandle(recruitmentCampaignWorkflowId(campaignId));
    const description = await handle.describe();
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const activities = events.filter((e) => e.activityTaskScheduledEventAttributes).length;
    const historyBytes = Number(description.historySize ?? 0);
    const starts = 1 + activities;
    // The workflow's own span: from the close of registration to the last appointment (the applications before it are HTTP and SQL only).
    const stepsSeconds = wallSeconds - openSeconds - times.applications!;
    const startRate = starts / stepsSeconds;

    console.log(
      `campaign of ${applicants} applicants, ${posts} posts in ${STREETS.length} streets: registration to appointment ${wallSeconds.toFixed(1)} s ` +
        `(${Object.entries(times)
          .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
          .join(', ')})`,
    );
    console.log(
      `workflow history: ${events.length} events (${((events.length / TEMPORAL_HISTORY_WARNING) * 100).toFixed(1)}% of the ${TEMPORAL_HISTORY_WARNING}-event warning), ${historyBytes} bytes; ` +
        `1 workflow + ${activities} activities started in the ${stepsSeconds.toFixed(1)} s after the applications: ${startRate.toFixed(2)} starts/s against ${noopRate.toFixed(1)} no-op workflow starts/s (${NOOP_STARTS} starts, same run); ` +
        `peak RSS of the process (API + worker) ${Math.round(peakRss / MB)} MB`,
    );
    testing.printBenchRow({
      measure: `recruitment campaign of ${applicants} applicants, close of registration to appointment: workflow + activity starts/s (vs no-op workflow starts/s)`,
      unit: 'starts/s',
      platform: Number(startRate.toFixed(2)),
      baseline: Number(noopRate.toFixed(1)),
    });
    testing.printBenchRow({
      measure: `recruitment campaign of ${applicants} applicants: largest workflow history, events (vs Temporal's warning at ${TEMPORAL_HISTORY_WARNING})`,
      unit: 'events',
      platform: events.length,
      baseline: TEMPORAL_HISTORY_WARNING,
    });
    testing.printBenchRow({
      measure: `recruitment campaign of ${applicants} applicants: wall time registration to appointment (vs its applications alone)`,
      unit: 's',
      platform: Number(wallSeconds.toFixed(1)),
      baseline: Number(times.applications!.toFixed(1)),
    });
  } finally {
    clearInterval(sampler);
    await connection.close();
    await ctx.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
