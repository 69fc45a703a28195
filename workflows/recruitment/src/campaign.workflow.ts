/**
 * One workflow per campaign (id `recruitment-campaign:<campaignId>`): the timer of an open
 * recruitment (REC-1..7). registration → screening → pre-exam internship → written exam →
 * interview → combined ranking → assessment → publicity → appointment. Each timed phase ends at
 * its deadline or on the operator's close (update). Scores, drop-outs and objections arrive as
 * updates whose validators refuse bad input before anything is recorded; the activities write the
 * rows. Per-applicant data never enters the history: the workflow holds counts and the few
 * applicant ids under objection.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  SCORE_KINDS,
  SCORE_PHASE,
  TIMED_PHASES,
  closePhaseUpdate,
  decideObjectionUpdate,
  fileObjectionUpdate,
  internDroppedOutUpdate,
  recordScoreUpdate,
  recruitmentCampaignStateQuery,
  type CampaignPhase,
  type PhaseDeadline,
  type RecruitmentCampaignInput,
  type RecruitmentCampaignState,
  type TimedPhase,
} from '@cwp/contracts';
import type { RecruitmentCampaignActivities } from './activities';

const quick = proxyActivities<RecruitmentCampaignActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
// Set-based steps over every applicant (thousands in a central district): they heartbeat each chunk.
const chunked = proxyActivities<RecruitmentCampaignActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const isTimed = (phase: CampaignPhase): phase is TimedPhase => (TIMED_PHASES as readonly string[]).includes(phase);

/** Refuses a score that is not a number in 0..100 (REC-6 scale) or not of the current phase. */
export function scoreProblem(phase: CampaignPhase, request: { applicantId: unknown; kind: unknown; score: unknown }): string | undefined {
  if (typeof request.applicantId !== 'string' || request.applicantId.length === 0) return 'applicantId: required';
  if (!(SCORE_KINDS as readonly unknown[]).includes(request.kind)) return `kind: must be one of ${SCORE_KINDS.join(', ')}`;
  const score = request.score;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100)
    return `score: ${String(score)} is outside 0..100 (REC-6)`;
  const needed = SCORE_PHASE[request.kind as (typeof SCORE_KINDS)[number]];
  if (phase !== needed) return `kind: ${String(request.kind)} scores are recorded in the ${needed} phase; the campaign is in ${phase}`;
  return undefined;
}

export async function recruitmentCampaignWorkflow(input: RecruitmentCampaignInput): Promise<RecruitmentCampaignState> {
  const ref = { campaignId: input.campaignId };
  let phase: CampaignPhase = 'registration';
  let active = 0;
  let appointed = 0;
  let closeRequested = false;
  /** Applicants under an open objection (REC-7): few, so their ids may live in the history. */
  const objections = new Set<string>();
  const state = (): RecruitmentCampaignState => ({
    campaignId: input.campaignId,
    phase,
    active,
    openObjections: objections.size,
    appointed,
  });

  setHandler(recruitmentCampaignStateQuery, state);
  setHandler(
    closePhaseUpdate,
    (_request) => {
      closeRequested = true;
      return state();
    },
    {
      validator: (request) => {
        if (request.phase !== phase) throw new Error(`phase: the campaign is in ${phase}, not ${String(request.phase)}`);
        if (!isTimed(phase)) throw new Error(`phase: ${phase} has no deadline to close`);
      },
    },
  );
  setHandler(
    recordScoreUpdate,
    async (request) => {
      await quick.recordScore({ ...ref, ...request });
      return state();
    },
    {
      validator: (request) => {
        const problem = scoreProblem(phase, request);
        if (problem) throw new Error(problem);
      },
    },
  );
  setHandler(
    internDroppedOutUpdate,
    async (request) => {
      await quick.dropIntern({ ...ref, ...request });
      active = Math.max(0, active - 1);
      return state();
    },
    {
      validator: (_request) => {
        if (phase !== 'internship') throw new Error(`phase: interns drop out during the internship; the campaign is in ${phase}`);
      },
    },
  );
  setHandler(
    fileObjectionUpdate,
    async (request) => {
      objections.add(request.applicantId);
      try {
        await quick.fileObjection({ ...ref, ...request });
      } catch (error) {
        objections.delete(request.applicantId);
        throw error;
      }
      return state();
    },
    {
      validator: (request) => {
        if (phase !== 'publicity') throw new Error(`phase: objections are filed during publicity (REC-7); the campaign is in ${phase}`);
        if (objections.has(request.applicantId)) throw new Error('applicantId: an objection against this applicant is already open');
      },
    },
  );
  setHandler(
    decideObjectionUpdate,
    async (request) => {
      await quick.decideObjection({ ...ref, ...request });
      objections.delete(request.applicantId);
      return state();
    },
    {
      validator: (request) => {
        if (!objections.has(request.applicantId)) throw new Error('applicantId: no open objection against this applicant');
        if (typeof request.upheld !== 'boolean') throw new Error('upheld: must be true or false');
      },
    },
  );

  /** Enters a phase and waits for its deadline or the operator's close. */
  const timed = async (next: TimedPhase): Promise<void> => {
    closeRequested = false;
    phase = next;
    await quick.enterPhase({ ...ref, phase: next });
    const ms = remainingMs(input.deadlines[next], Date.now());
    if (ms > 0) await condition(() => closeRequested, ms);
  };
  const untimed = async (next: CampaignPhase): Promise<void> => {
    phase = next;
    await quick.enterPhase({ ...ref, phase: next });
  };

  await timed('registration');
  await timed('screening');
  active = (await chunked.screen(ref)).eligible;
  active = (await chunked.placeInterns(ref)).interns;
  await timed('internship');
  active = (await chunked.closeScores({ ...ref, kind: 'internship' })).active;
  await timed('written-exam');
  active = (await chunked.closeScores({ ...ref, kind: 'written' })).active;
  await timed('interview');
  active = (await chunked.closeScores({ ...ref, kind: 'interview' })).active;
  await untimed('ranking');
  active = (await chunked.rank(ref)).selected;
  await timed('assessment');
  await timed('publicity');
  // REC-7: no appointment while an objection stands.
  await condition(() => objections.size === 0);
  await untimed('appointment');
  appointed = (await chunked.appoint(ref)).appointed;
  await untimed('appointed');
  await condition(allHandlersFinished);
  return state();
}

function remainingMs(deadline: PhaseDeadline, now: number): number {
  return 'at' in deadline ? Date.parse(deadline.at) - now : deadline.afterMs;
}
