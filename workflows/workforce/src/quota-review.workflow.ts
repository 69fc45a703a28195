/**
 * QUOTA-5: the yearly quota review (id `quota-review:<year>`). It recomputes every unit from its
 * current households in chunked, heartbeating activities (one per district), then waits for each
 * district to approve or reject its proposals (an update from the API) until a deadline; a
 * proposal without a decision stands (lapsed-approved) and takes effect like an approved one.
 */
import { allHandlersFinished, condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  quotaReviewDecisionUpdate,
  quotaReviewStateQuery,
  type QuotaReviewDistrictState,
  type QuotaReviewInput,
  type QuotaReviewState,
} from '@cwp/contracts';
import type { QuotaReviewActivities } from './activities';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Districts recomputed at once: enough to overlap I/O, few enough to leave the database room. */
const PROPOSE_PARALLELISM = 4;

const quick = proxyActivities<QuotaReviewActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
// Recomputing a district reads hundreds of units: it heartbeats each chunk, so a stuck worker is
// noticed within a minute and the retry resumes from the last heartbeat.
const chunked = proxyActivities<QuotaReviewActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function quotaReviewWorkflow(input: QuotaReviewInput): Promise<QuotaReviewState> {
  const { year } = input;
  const districts = new Map<string, QuotaReviewDistrictState>();
  let phase: QuotaReviewState['phase'] = 'opening';
  let deadlineAt: string | null = null;
  const state = (): QuotaReviewState => ({ year, phase, deadlineAt, districts: [...districts.values()].map((d) => ({ ...d })) });

  setHandler(quotaReviewStateQuery, state);
  setHandler(
    quotaReviewDecisionUpdate,
    async ({ districtCode, decision, note, decidedBy }) => {
      const district = districts.get(districtCode)!;
      // Synchronously, before the first await: a second update for this district now fails validation.
      district.status = 'deciding';
      const result = await quick.decideDistrict({
        year,
        districtCode,
        outcome: decision === 'approve' ? 'approved' : 'rejected',
        ...(note !== undefined ? { note } : {}),
        decidedBy,
      });
      district.status = result.status;
      district.applied = result.applied;
      return { ...district };
    },
    {
      validator: ({ districtCode }) => {
        if (phase !== 'awaiting-decisions') throw new Error(`The ${year} quota review is not awaiting decisions (phase ${phase})`);
        const district = districts.get(districtCode);
        if (!district) throw new Error(`District ${districtCode} is not part of the ${year} quota review`);
        if (district.status !== 'pending')
          throw new Error(`District ${districtCode} is not awaiting a decision (status ${district.status})`);
      },
    },
  );

  const opened = await quick.openReview({ year, decisionDays: input.decisionDays });
  phase = 'proposing';
  for (const code of opened.districts) districts.set(code, { districtCode: code, status: 'pending', proposals: 0, applied: 0 });
  for (let i = 0; i < opened.districts.length; i += PROPOSE_PARALLELISM) {
    const batch = opened.districts.slice(i, i + PROPOSE_PARALLELISM);
    const results = await Promise.all(batch.map((districtCode) => chunked.proposeForDistrict({ year, districtCode })));
    batch.forEach((code, j) => {
      const district = districts.get(code)!;
      district.proposals = results[j]!.proposals;
      if (district.proposals === 0) district.status = 'no-changes';
    });
  }

  const deadline = Date.now() + input.decisionDays * DAY_MS;
  deadlineAt = new Date(deadline).toISOString();
  await quick.startDecisionPeriod({ year, deadlineAt });
  phase = 'awaiting-decisions';
  const undecided = (): QuotaReviewDistrictState[] =>
    [...districts.values()].filter((d) => d.status === 'pending' || d.status === 'deciding');
  await condition(() => undecided().length === 0, Math.max(1, deadline - Date.now()));

  // Deadline passed (or everyone decided): no new decisions; decisions in flight finish first.
  phase = 'closing';
  await condition(() => ![...districts.values()].some((d) => d.status === 'deciding'));
  for (const district of undecided()) {
    const result = await quick.decideDistrict({
      year,
      districtCode: district.districtCode,
      outcome: 'lapsed-approved',
      decidedBy: { sub: 'system', role: 'system', unit: '31' },
    });
    district.status = result.status;
    district.applied = result.applied;
  }
  await quick.closeReview({ year });
  phase = 'closed';
  await condition(allHandlersFinished);
  log.info('quota review closed', { year, districts: districts.size });
  return state();
}
