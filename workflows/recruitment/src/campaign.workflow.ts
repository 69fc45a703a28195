/**
 * One workflow per campaign (id `recruitment-campaign:<campaignId>`): the timer of an open
 * recruitment (REC-1..7). registration → screening → pre-exam internship → written exam →
 * interview → combined ranking → assessment → publicity → appointment. Each timed phase ends at
 * its deadline or on the operator's close (update). Scores, drop-outs and objections arrive as
 * updates whose validators refuse bad input before anything is recorded; the activities write the
 * rows. Per-applicant data never enters the history: the workflow holds counts and the few
 * applicant ids under objection.
 *
 * Cancelling is a saga (cancelCampaignUpdate, or a phase left with no applicant): each undo step
 * is registered as its forward step succeeds, and on cancel they run in reverse (withdraw results,
 * release interns, release and tell applicants, release the posts). The appointment is the point
 * of no return: from then on a cancel is refused, appointed applicants are hired and stay hired.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  CANCEL_REASONS,
  SCORE_KINDS,
  SCORE_PHASE,
  TIMED_PHASES,
  cancelCampaignUpdate,
  closePhaseUpdate,
  decideObjectionUpdate,
  fileObjectionUpdate,
  internDroppedOutUpdate,
  recordAssessmentUpdate,
  recordScoreUpdate,
  recruitmentCampaignStateQuery,
  type CampaignPhase,
  type CancelReason,
  type CancelStep,
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

/** Phases from which a cancel is refused: the appointment has begun (hires stand), or the campaign ended. */
const NO_CANCEL: readonly CampaignPhase[] = ['appointment', 'appointed', 'cancelled'];

/** Refuses a cancel with an unknown reason, after the point of no return, or a second time. */
export function cancelProblem(phase: CampaignPhase, cancelling: boolean, request: { reason: unknown }): string | undefined {
  if (!(CANCEL_REASONS as readonly unknown[]).includes(request.reason)) return `reason: must be one of ${CANCEL_REASONS.join(', ')}`;
  if (cancelling) return 'phase: the campaign is being cancelled already';
  if (NO_CANCEL.includes(phase))
    return `phase: the campaign is in ${phase}; appointed applicants are hired by the workforce service, the campaign can no longer be cancelled`;
  return undefined;
}

/** Thrown inside the workflow to leave the forward path; never leaves the workflow. */
class CampaignCancelled extends Error {}

export async function recruitmentCampaignWorkflow(input: RecruitmentCampaignInput): Promise<RecruitmentCampaignState> {
  const ref = { campaignId: input.campaignId };
  let phase: CampaignPhase = 'registration';
  let active = 0;
  let appointed = 0;
  let closeRequested = false;
  let cancelReason: CancelReason | null = null;
  const undone: CancelStep[] = [];
  /** The saga's undo steps, registered as each forward step succeeds; run in reverse on cancel. */
  const undo: Array<{ step: CancelStep; run: () => Promise<void> }> = [];
  const released = { applicants: 0, interns: 0 };
  /** Applicants under an open objection (REC-7): few, so their ids may live in the history. */
  const objections = new Set<string>();
  const state = (): RecruitmentCampaignState => ({
    campaignId: input.campaignId,
    phase,
    active,
    openObjections: objections.size,
    appointed,
    cancelReason,
    undone: [...undone],
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
    cancelCampaignUpdate,
    (request) => {
      cancelReason = request.reason;
      return state();
    },
    {
      validator: (request) => {
        const problem = cancelProblem(phase, cancelReason !== null, request);
        if (problem) throw new Error(problem);
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
    recordAssessmentUpdate,
    async (request) => {
      await quick.recordAssessment({ ...ref, ...request });
      return state();
    },
    {
      validator: (request) => {
        if (phase !== 'assessment')
          throw new Error(`phase: assessment (考核) results are recorded in the assessment phase; the campaign is in ${phase}`);
        if (typeof request.applicantId !== 'string' || request.applicantId.length === 0) throw new Error('applicantId: required');
        if (typeof request.passed !== 'boolean') throw new Error('passed: must be true or false');
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

  /** Leaves the forward path when a cancel came in. */
  const proceed = (): void => {
    if (cancelReason !== null) throw new CampaignCancelled();
  };
  /** After a set-based step: a phase with no applicant left in the running cannot proceed (saga). */
  const remaining = (count: number): void => {
    active = count;
    if (cancelReason === null && active === 0) cancelReason = 'no-applicants-left';
    proceed();
  };
  /** Enters a phase and waits for its deadline, the operator's close, or a cancel. */
  const timed = async (next: TimedPhase): Promise<void> => {
    closeRequested = false;
    phase = next;
    await quick.enterPhase({ ...ref, phase: next });
    const ms = remainingMs(input.deadlines[next], Date.now());
    if (ms > 0) await condition(() => closeRequested || cancelReason !== null, ms);
    proceed();
  };
  const untimed = async (next: CampaignPhase): Promise<void> => {
    phase = next;
    await quick.enterPhase({ ...ref, phase: next });
  };

  try {
    // The campaign's posts are held from its opening, its applicants from registration.
    undo.push({
      step: 'release-posts',
      run: () =>
        quick.releasePosts({ ...ref, reason: cancelReason!, previousPhase: phase, undone: [...undone, 'release-posts'], ...released }),
    });
    undo.push({
      step: 'release-applicants',
      run: async () => {
        released.applicants = (await chunked.releaseApplicants(ref)).applicants;
      },
    });
    await timed('registration');
    await timed('screening');
    remaining((await chunked.screen(ref)).eligible);
    const interns = (await chunked.placeInterns(ref)).interns;
    undo.push({
      step: 'release-interns',
      run: async () => {
        released.interns = (await chunked.releaseInterns(ref)).interns;
      },
    });
    remaining(interns);
    await timed('internship');
    remaining((await chunked.closeScores({ ...ref, kind: 'internship' })).active);
    await timed('written-exam');
    remaining((await chunked.closeScores({ ...ref, kind: 'written' })).active);
    await timed('interview');
    remaining((await chunked.closeScores({ ...ref, kind: 'interview' })).active);
    await untimed('ranking');
    remaining((await chunked.rank(ref)).selected);
    await timed('assessment');
    // REC-7: publicity publishes the results; withdrawing them is the first undo from here on.
    undo.push({ step: 'withdraw-results', run: () => quick.withdrawResults(ref) });
    await timed('publicity');
    // REC-7: no appointment while an objection stands.
    await condition(() => objections.size === 0 || cancelReason !== null);
    proceed();
  } catch (error) {
    if (!(error instanceof CampaignCancelled)) throw error;
    for (const { step, run } of undo.reverse()) {
      await run();
      undone.push(step);
    }
    phase = 'cancelled';
    await condition(allHandlersFinished);
    return state();
  }
  await untimed('appointment');
  appointed = (await chunked.appoint(ref)).appointed;
  await untimed('appointed');
  await condition(allHandlersFinished);
  return state();
}

function remainingMs(deadline: PhaseDeadline, now: number): number {
  return 'at' in deadline ? Date.parse(deadline.at) - now : deadline.afterMs;
}
