/**
 * The batch activities of the registry (`batchActivity` in support/services.ts) that the
 * worker-kill fault (suites/worker-kill.ts) stops half done: one per workflow kind that commits its
 * effects in chunks inside one heartbeating activity. Each starts its batch through the service's
 * API on a synthetic roster, counts what committed, tells when the batch finished, and counts
 * the effects and events of its keys. The service's chunk-size variable (in its registry `env`)
 * is small, so the kill finds the batch half done.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appraisalCycleWorkflowId, quotaReviewWorkflowId, recruitmentCampaignWorkflowId } from '@cwp/contracts';
import { newApplication, newOpening } from '@cwp/recruitment/testing';
import { eventually } from './eventually';

/** What a registry hook may use of the tier (kept narrow so the registry stays a registry). */
export interface FixtureTier {
  run: string;
  call(service: string, method: string, url: string, options: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  /** SQL on the E2E database (a projection row a service only builds from events, for instance). */
  sql(text: string, params?: unknown[]): Promise<unknown[]>;
  nationalId(): string;
  phone(): string;
}

export interface BatchContext {
  tier: FixtureTier & {
    call(
      service: string,
      method: string,
      url: string,
      options: { token?: string; body?: unknown; quiet?: boolean },
    ): Promise<{ status: number; body: any }>;
  };
  /** The service's schema in this run. */
  schema: string;
  /** Prefix of the synthetic keys (`rk<run>`): the checks count only these. */
  prefix: string;
}

export interface BatchActivity {
  label: string;
  /** Keys the batch touches (its roster may hold others, taken from other services' events or fixtures). */
  synthetic: number;
  /** Fail the killed attempt by id instead of waiting for its heartbeat timeout (longer than the tier waits). */
  failKilledAttempt?: boolean;
  /** Loads the roster and starts the batch through the API; resolves with its workflow id. */
  start(ctx: BatchContext): Promise<{ workflowId: string }>;
  /** Keys whose chunked effect has committed. */
  applied(ctx: BatchContext): Promise<number>;
  /** True once the batch is done (it may take the operator's step the batch waits for, through the API). */
  finished(ctx: BatchContext): Promise<boolean>;
  /**
   * Rows and distinct keys of the effect and of its outbox events (`effects`, `effectKeys`,
   * `events`, `eventKeys`), and any follow-up per key: each figure must equal `synthetic`.
   */
  effects(ctx: BatchContext): Promise<Record<string, number>>;
}

/** Synthetic keys of the payroll and training batches: in chunks of 10 (the registry's env), ~120 chunks. */
const KILL_ROSTER = 1_200;
/** Payroll's recalibration year, chosen when the fault starts. */
let payYear = 0;
/** The year of the training compliance run the fault kills (the policy in force that year sets the hours). */
const COMPLIANCE_YEAR = new Date().getFullYear() - 1;

/** PAY-3: the recalibration's apply, chunked lines of pay changes and `pay.recalibrated` events. */
export const payrollRecalibration: BatchActivity = {
  label: 'PAY-3 recalibration apply',
  synthetic: KILL_ROSTER,
  async start({ tier, schema, prefix }) {
    // A past year (a wage is published only once its year is over), random so that reruns rarely meet;
    // a stale workflow of an interrupted run is terminated by Tier.start (the id is per year).
    payYear = 2017 + Math.floor(Math.random() * 10);
    // The roster, set-based, as the projection would hold it (post mix and levels spread, 南京东路街道).
    await tier.sql(
      `INSERT INTO ${schema}.pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
       SELECT $2 || lpad(i::text, 6, '0'), '310101002001', 'on-duty', 'recruited',
              CASE WHEN i % 20 = 0 THEN 'head' WHEN i % 7 = 0 THEN 'manager' ELSE 'staff' END,
              1 + i % 18, date '2000-01-01' + (i * 3) % 9000
         FROM generate_series(1, $1) AS i`,
      [KILL_ROSTER, prefix],
    );
    // The reference wage: the year before (PAY-3), or the version's base year 2013 (PAY-1), by the version in force.
    for (const year of [payYear - 1, 2013]) {
      const wage = await tier.call('payroll', 'POST', '/wages', { token: 'city', body: { year, annualFen: 14_400_000 } });
      expect(wage.status).toBe(201);
    }
    expect((await tier.call('payroll', 'POST', `/recalibrations/${payYear}/start`, { token: 'city' })).status).toBe(200);
    const previewed = await eventually(
      async () => {
        const r = await tier.call('payroll', 'GET', `/recalibrations/${payYear}`, { token: 'city', quiet: true });
        return r.body?.phase === 'awaiting-approval' ? r.body : undefined;
      },
      90_000,
      'the preview',
    );
    expect(previewed.preview.workers).toBeGreaterThanOrEqual(KILL_ROSTER);
    const approved = await tier.call('payroll', 'POST', `/recalibrations/${payYear}/approve`, {
      token: 'city',
      body: { previewId: previewed.preview.previewId },
    });
    expect(approved.status).toBe(200);
    return { workflowId: `pay-recalibration:${payYear}` };
  },
  async applied({ tier, schema, prefix }) {
    return count(
      tier,
      `SELECT count(*) AS n FROM ${schema}.pay_changes WHERE source_key = $1::text AND kind = 'recalibration' AND worker_id LIKE $2 || '%'`,
      [payYear, prefix],
    );
  },
  async finished({ tier }) {
    const r = await tier.call('payroll', 'GET', `/recalibrations/${payYear}`, { token: 'city', quiet: true });
    return r.body?.status === 'applied' && r.body.progress?.done === r.body.progress?.total;
  },
  async effects({ tier, schema, prefix }) {
    return effectsOf(tier, `${schema}.pay_changes`, 'worker_id', `${schema}.outbox`, '%pay.recalibrated%', prefix);
  },
};

/** TRAIN-3/4: the yearly compliance run, chunked results and `compliance.shortfall` events. */
export const trainingCompliance: BatchActivity = {
  label: 'TRAIN-3/4 yearly compliance run',
  synthetic: KILL_ROSTER,
  // Its heartbeat timeout is two minutes: longer than the tier waits.
  failKilledAttempt: true,
  async start({ tier, schema, prefix }) {
    // Trainees in service all year without hours: each one a shortfall (one event each).
    await tier.sql(
      `INSERT INTO ${schema}.trainees (worker_id, unit_code, hired_on, workflow_started_at)
       SELECT $2 || lpad(i::text, 6, '0'), '310101002001', date '2015-01-01' + i % 1000, now() FROM generate_series(1, $1) AS i`,
      [KILL_ROSTER, prefix],
    );
    // The run of a year is one workflow per namespace: one the abuse or schema suite started for this year is waited out.
    await eventually(
      async () => {
        const r = await tier.call('training', 'POST', '/compliance/runs', { token: 'city', body: { year: COMPLIANCE_YEAR } });
        if (r.status >= 300 && r.status !== 409) throw new Error(`compliance run answered ${r.status}`);
        return r.status !== 409;
      },
      60_000,
      `the ${COMPLIANCE_YEAR} compliance run to start`,
      1_000,
    );
    return { workflowId: `training-compliance:${COMPLIANCE_YEAR}` };
  },
  async applied({ tier, schema, prefix }) {
    return count(tier, `SELECT count(*) AS n FROM ${schema}.compliance_results WHERE year = $1 AND worker_id LIKE $2 || '%'`, [
      COMPLIANCE_YEAR,
      prefix,
    ]);
  },
  async finished({ tier }) {
    const r = await tier.call('training', 'GET', `/compliance/runs/${COMPLIANCE_YEAR}`, { token: 'city', quiet: true });
    return r.body?.status === 'completed';
  },
  async effects({ tier, schema, prefix }) {
    return effectsOf(
      tier,
      `${schema}.compliance_results`,
      'worker_id',
      `${schema}.outbox`,
      '%training.compliance.shortfall%',
      prefix,
      `year = ${COMPLIANCE_YEAR}`,
    );
  },
};

/**
 * Workers of appraisal's roster: each gets a performance-record workflow at publication
 * (signal-with-start), so the roster is smaller than the others' (30 chunks of 10).
 */
const APPRAISAL_ROSTER = 300;
/** The street whose cycle the fault publishes (its district runs no cycle in the tier). */
const APPRAISAL_STREET = '310101002';
/** The cycle the fault opened (a year no other suite took for the street). */
const appraisalCycle = { id: '', year: 0 };

/**
 * APPR-2/APPR-5: a cycle's publication, one heartbeating activity: results published a chunk per
 * transaction with their `result.published` events, then each worker's record told its grade
 * (signal-with-start, `signalled_at` marked). The kill lands in the publishing chunks; the retry
 * publishes the drafts left and signals every unsignalled result.
 */
export const appraisalPublication: BatchActivity = {
  label: 'APPR-2 result publication',
  synthetic: APPRAISAL_ROSTER,
  async start({ tier, schema, prefix }) {
    // The roster as workforce's events leave it in the projection (records marked started: the reconciler leaves them).
    await tier.sql(
      `INSERT INTO ${schema}.worker_records (worker_id, unit_code, entry_route, hired_on, workflow_started_at)
       SELECT $2 || lpad(i::text, 6, '0'), $3 || lpad((1 + i % 20)::text, 3, '0'), CASE WHEN i % 4 = 0 THEN 'elected' ELSE 'recruited' END,
              date '2010-01-01' + i, now()
         FROM generate_series(1, $1) AS i`,
      [APPRAISAL_ROSTER, prefix, APPRAISAL_STREET],
    );
    // One cycle per unit subtree and year: a past year (APPR-4) that the scope, abuse and schema suites left free.
    const cycle = await eventually(
      async () => {
        const year = 2017 + Math.floor(Math.random() * 9);
        const r = await tier.call('appraisal', 'POST', '/cycles', {
          token: 'street',
          body: { unitCode: APPRAISAL_STREET, year, ratingClosesAt: `${daysFromToday(300)}T23:59:59+08:00` },
        });
        if (r.status !== 201 && r.status !== 409) throw new Error(`opening the cycle answered ${r.status}`);
        return r.status === 201 ? (r.body as { id: string; year: number }) : undefined;
      },
      30_000,
      `a year of ${APPRAISAL_STREET} without a cycle`,
    );
    Object.assign(appraisalCycle, { id: cycle.id, year: cycle.year });
    await eventually(
      async () => (await tier.call('appraisal', 'GET', `/cycles/${cycle.id}`, { token: 'street', quiet: true })).body?.phase === 'rating',
      60_000,
      'the rating window to open',
    );
    // One management rating per worker (APPR-3), as the raters' API would store it: scores 72..86, every grade
    // qualified (APPR-2), so no street is over the calibration limit and the close goes straight to publication.
    await tier.sql(
      `INSERT INTO ${schema}.ratings (cycle_id, worker_id, year, source, rater_key, morality, ability, diligence, performance, integrity)
       SELECT $1, $3 || lpad(i::text, 6, '0'), $2, 'management', 'rel-management', s, s, s, s, s
         FROM generate_series(1, $4) AS i, LATERAL (SELECT 72 + i % 15 AS s) AS score`,
      [cycle.id, cycle.year, prefix, APPRAISAL_ROSTER],
    );
    expect((await tier.call('appraisal', 'POST', `/cycles/${cycle.id}/close`, { token: 'street' })).status).toBe(200);
    return { workflowId: appraisalCycleWorkflowId(APPRAISAL_STREET, cycle.year) };
  },
  async applied({ tier, schema, prefix }) {
    return count(
      tier,
      `SELECT count(*) AS n FROM ${schema}.results WHERE cycle_id = $1 AND status = 'published' AND worker_id LIKE $2 || '%'`,
      [appraisalCycle.id, prefix],
    );
  },
  async finished({ tier, schema, prefix }) {
    const r = await tier.call('appraisal', 'GET', `/cycles/${appraisalCycle.id}`, { token: 'street', quiet: true });
    if (r.body?.phase !== 'published') return false;
    // A signal the publication could not deliver (a refused call under load) is the grade sweep's to re-send
    // (GradeSignals): the batch is done once every record heard its grade.
    const unsignalled = await count(
      tier,
      `SELECT count(*) AS n FROM ${schema}.results WHERE cycle_id = $1 AND signalled_at IS NULL AND worker_id LIKE $2 || '%'`,
      [appraisalCycle.id, prefix],
    );
    return unsignalled === 0;
  },
  async effects({ tier, schema, prefix }) {
    const published = await effectsOf(
      tier,
      `${schema}.results`,
      'worker_id',
      `${schema}.outbox`,
      '%appraisal.result.published%',
      prefix,
      `cycle_id = '${appraisalCycle.id}' AND status = 'published'`,
    );
    // Each worker's record heard its grade (APPR-5); the record ignores a grade it already has.
    const signalled = await count(
      tier,
      `SELECT count(*) AS n FROM ${schema}.results WHERE cycle_id = $1 AND signalled_at IS NOT NULL AND worker_id LIKE $2 || '%'`,
      [appraisalCycle.id, prefix],
    );
    return { ...published, signalled };
  },
};

/** The district whose areas the quota-review fault follows (the first the review recomputes, in code order). */
const QUOTA_DISTRICT = '310101';
/** Its residential areas in the seeded org tree (WORKFORCE_SEED_ON_START loads this file). */
const QUOTA_AREAS = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../seeds/org-tree/shanghai.json'), 'utf8')) as {
    units: Array<{ code: string; kind: string }>;
  }
).units.filter((u) => u.kind === 'area' && u.code.startsWith(QUOTA_DISTRICT)).length;
/** The review's year, chosen when the fault starts (one review per year and namespace). */
let quotaYear = 0;

/**
 * QUOTA-5: the yearly quota review. Its chunked activity is each district's recomputation
 * (proposals a chunk per transaction, heartbeating the last area code); the kill lands there, and
 * the retry resumes after the last heartbeat. The district's approval then applies the accepted
 * proposals in one transaction with a `quota.changed` event per unit: one proposal, one change and
 * one event per area, none lost, none twice.
 */
export const workforceQuotaReview: BatchActivity = {
  label: 'QUOTA-5 quota review (district recomputation, then the approved apply)',
  synthetic: QUOTA_AREAS,
  async start({ tier, schema }) {
    // Every area of 黄浦区 staffed with 11 for 500 households: QUOTA-1/2 put its target at 8 and QUOTA-5 moves
    // a quota by one a year, so each area gets exactly one proposal, 11 → 10 (households as the operators' PATCH leaves them).
    await tier.sql(`UPDATE ${schema}.org_units SET households = 500 WHERE kind = 'area' AND code LIKE $1 || '%'`, [QUOTA_DISTRICT]);
    await tier.sql(`UPDATE ${schema}.quotas SET value = 11, min = 7, max = 11 WHERE kind = 'area' AND unit_code LIKE $1 || '%'`, [
      QUOTA_DISTRICT,
    ]);
    expect(
      await count(tier, `SELECT count(*) AS n FROM ${schema}.quotas WHERE kind = 'area' AND unit_code LIKE $1 || '%'`, [QUOTA_DISTRICT]),
    ).toBe(QUOTA_AREAS);
    // A year no other suite started a review for (the schema suite may start some).
    quotaYear = await eventually(
      async () => {
        const year = 2101 + Math.floor(Math.random() * 99);
        return (await tier.call('workforce', 'GET', `/quota-reviews/${year}`, { token: 'city', quiet: true })).status === 404
          ? year
          : undefined;
      },
      30_000,
      'a year without a quota review',
    );
    const started = await tier.call('workforce', 'POST', '/quota-reviews', { token: 'city', body: { year: quotaYear, decisionDays: 30 } });
    expect(started.status).toBe(202);
    return { workflowId: quotaReviewWorkflowId(quotaYear) };
  },
  async applied({ tier, schema }) {
    return count(
      tier,
      `SELECT count(*) AS n FROM ${schema}.quota_proposals WHERE year = $1 AND kind = 'area' AND unit_code LIKE $2 || '%'`,
      [quotaYear, QUOTA_DISTRICT],
    );
  },
  async finished({ tier }) {
    const r = await tier.call('workforce', 'GET', `/quota-reviews/${quotaYear}`, { token: 'city', quiet: true });
    const district = (r.body?.districts as Array<{ districtCode: string; status: string }> | undefined)?.find(
      (d) => d.districtCode === QUOTA_DISTRICT,
    );
    // The review waits for the district's decision (QUOTA-5): its operator approves once every district is recomputed.
    if (r.body?.status === 'awaiting-decisions' && district?.status === 'pending')
      await tier.call('workforce', 'POST', `/quota-reviews/${quotaYear}/districts/${QUOTA_DISTRICT}/decision`, {
        token: 'district',
        body: { decision: 'approve' },
      });
    return district?.status === 'approved';
  },
  async effects({ tier, schema }) {
    const [proposals] = (await tier.sql(
      `SELECT count(*) FILTER (WHERE applied) AS n, count(DISTINCT unit_code) FILTER (WHERE applied) AS keys
         FROM ${schema}.quota_proposals WHERE year = $1 AND kind = 'area' AND unit_code LIKE $2 || '%'`,
      [quotaYear, QUOTA_DISTRICT],
    )) as Array<{ n: string; keys: string }>;
    const [events] = (await tier.sql(
      `SELECT count(*) AS n, count(DISTINCT message_key) AS keys FROM ${schema}.outbox
        WHERE event_type LIKE '%quota.changed%' AND message_key LIKE $2 || '%'
          AND envelope->'data'->>'kind' = 'area' AND (envelope->'data'->>'reviewYear')::int = $1`,
      [quotaYear, QUOTA_DISTRICT],
    )) as Array<{ n: string; keys: string }>;
    // The quota itself moved once: 11 → 10, never 9.
    const changedOnce = await count(
      tier,
      `SELECT count(*) AS n FROM ${schema}.quotas WHERE kind = 'area' AND unit_code LIKE $1 || '%' AND value = 10`,
      [QUOTA_DISTRICT],
    );
    return {
      effects: Number(proposals!.n),
      effectKeys: Number(proposals!.keys),
      events: Number(events!.n),
      eventKeys: Number(events!.keys),
      changedOnce,
    };
  },
};

/** Applicants of recruitment's cancelled campaign: registered through the API, released in chunks of 10. */
const RECRUITMENT_ROSTER = 300;
/** A street of the other district: its campaign meets no campaign of the scope and abuse suites (黄浦区). */
const RECRUITMENT_DISTRICT = '310104';
const RECRUITMENT_STREET = '310104003';
/** The campaign the fault cancels. */
const recruitmentCampaign = { id: '' };

/**
 * REC-7: a campaign's cancellation saga, whose release of the applicants is one heartbeating
 * activity: every applicant still in the running goes `out` (campaign-cancelled) a chunk per
 * transaction, each with its `applicant.released` event. The kill lands in the release; the retry
 * releases the applicants left, none twice.
 */
export const recruitmentCancellation: BatchActivity = {
  label: 'REC-7 cancellation: applicants released',
  synthetic: RECRUITMENT_ROSTER,
  async start({ tier, schema }) {
    // Vacancies come from workforce's staffing topic only: the run's projection row stands in for it.
    await tier.sql(
      `INSERT INTO ${schema}.unit_staffing (unit_code, quota, headcount, vacancies, as_of) VALUES ($1, 400, 50, 350, now())
       ON CONFLICT (unit_code) DO UPDATE SET vacancies = 350, quota = 400, headcount = 50`,
      [RECRUITMENT_STREET],
    );
    const today = new Date().toISOString().slice(0, 10);
    // One campaign per district, year and round (REC-2): the first round the run left free.
    const campaign = await eventually(
      async () => {
        for (const round of [1, 2, 3, 4]) {
          const r = await tier.call('recruitment', 'POST', '/campaigns', {
            token: 'otherDistrict',
            body: { ...newOpening(today, [{ streetCode: RECRUITMENT_STREET, count: 2 }], round), districtCode: RECRUITMENT_DISTRICT },
          });
          if (r.status === 201) return r.body as { id: string; posts: Array<{ postId: string }> };
        }
        return undefined;
      },
      60_000,
      'a campaign of the other district',
      1_000,
    );
    recruitmentCampaign.id = campaign.id;
    const postId = campaign.posts[0]!.postId;
    // The applicants through the API (8 at a time), as operators register them.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < RECRUITMENT_ROSTER) {
          next += 1;
          const r = await tier.call('recruitment', 'POST', `/campaigns/${campaign.id}/applicants`, {
            token: 'otherDistrict',
            quiet: true,
            body: newApplication(postId, { name: '可靠性测试', nationalId: tier.nationalId() }),
          });
          if (r.status !== 201) throw new Error(`applicant registration answered ${r.status}: ${JSON.stringify(r.body)}`);
        }
      }),
    );
    const cancelled = await tier.call('recruitment', 'POST', `/campaigns/${campaign.id}/cancel`, { token: 'otherDistrict' });
    if (cancelled.status !== 200) throw new Error(`cancel answered ${cancelled.status}: ${JSON.stringify(cancelled.body)}`);
    return { workflowId: recruitmentCampaignWorkflowId(campaign.id) };
  },
  async applied({ tier, schema }) {
    return count(tier, `SELECT count(*) AS n FROM ${schema}.applicants WHERE campaign_id = $1 AND status = 'out'`, [
      recruitmentCampaign.id,
    ]);
  },
  async finished({ tier }) {
    const r = await tier.call('recruitment', 'GET', `/campaigns/${recruitmentCampaign.id}/state`, { token: 'otherDistrict', quiet: true });
    return r.body?.phase === 'cancelled';
  },
  async effects({ tier, schema }) {
    const [effect] = (await tier.sql(
      `SELECT count(*) AS n, count(DISTINCT id) AS keys FROM ${schema}.applicants
        WHERE campaign_id = $1 AND status = 'out' AND out_reason = 'campaign-cancelled'`,
      [recruitmentCampaign.id],
    )) as Array<{ n: string; keys: string }>;
    const [events] = (await tier.sql(
      `SELECT count(*) AS n, count(DISTINCT message_key) AS keys FROM ${schema}.outbox
        WHERE event_type LIKE '%applicant.released%' AND envelope->'data'->>'campaignId' = $1`,
      [recruitmentCampaign.id],
    )) as Array<{ n: string; keys: string }>;
    return { effects: Number(effect!.n), effectKeys: Number(effect!.keys), events: Number(events!.n), eventKeys: Number(events!.keys) };
  },
};

async function count(tier: FixtureTier, text: string, params: unknown[]): Promise<number> {
  const rows = (await tier.sql(text, params)) as Array<{ n: string }>;
  return Number(rows[0]!.n);
}

/** Rows and distinct keys of an effect table and of the outbox events of one type, synthetic keys only. */
async function effectsOf(
  tier: FixtureTier,
  table: string,
  keyColumn: string,
  outbox: string,
  eventType: string,
  prefix: string,
  where = 'true',
): Promise<{ effects: number; effectKeys: number; events: number; eventKeys: number }> {
  const [effect] = (await tier.sql(
    `SELECT count(*) AS n, count(DISTINCT ${keyColumn}) AS keys FROM ${table} WHERE ${keyColumn} LIKE $1 || '%' AND ${where}`,
    [prefix],
  )) as Array<{ n: string; keys: string }>;
  const [events] = (await tier.sql(
    `SELECT count(*) AS n, count(DISTINCT message_key) AS keys FROM ${outbox} WHERE event_type LIKE $2 AND message_key LIKE $1 || '%'`,
    [prefix, eventType],
  )) as Array<{ n: string; keys: string }>;
  return { effects: Number(effect!.n), effectKeys: Number(effect!.keys), events: Number(events!.n), eventKeys: Number(events!.keys) };
}

/** A calendar date `days` from today (UTC), for fixtures whose rules compare with today. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
