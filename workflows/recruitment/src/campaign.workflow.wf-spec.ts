/**
 * The campaign workflow (REC-1..7) on Temporal's time-skipping test server (real server, real
 * worker; the activities are a small in-memory double of the set-based SQL steps, with the same
 * status rules). Months of deadlines pass in seconds of skipped time.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import {
  TIMED_PHASES,
  cancelCampaignUpdate,
  closePhaseUpdate,
  decideObjectionUpdate,
  fileObjectionUpdate,
  internDroppedOutUpdate,
  recordAssessmentUpdate,
  recordScoreUpdate,
  recruitmentCampaignStateQuery,
  recruitmentCampaignWorkflowId,
  type ApplicantStatus,
  type CampaignPhase,
  type RecruitmentCampaignInput,
  type RecruitmentCampaignState,
  type ScoreKind,
} from '@cwp/contracts';
import { bundleWorkflowsFromSources, createTimeSkippingEnv } from '@cwp/test-support';
import type { RecruitmentCampaignActivities } from './activities';

const DAY = 24 * 60 * 60 * 1000;
const by = { sub: 'district-op', role: 'district', unit: '310101' };

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  env = await createTimeSkippingEnv();
  bundle = await bundleWorkflowsFromSources(path.join(__dirname, 'index.ts'));
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

interface Applicant {
  id: string;
  post: string;
  status: ApplicantStatus;
  scores: Partial<Record<ScoreKind, number>>;
  rank?: number;
  outReason?: string;
}

/** The campaign's applicants and what the activities did, as the SQL steps would. */
class Campaign {
  readonly applicants: Applicant[];
  readonly phases: CampaignPhase[] = [];
  readonly scoreCalls: Array<{ applicantId: string; kind: ScoreKind; score: number }> = [];
  readonly appointed: string[] = [];
  /** The saga's undo activities in the order they ran, and what the last one published. */
  readonly undoCalls: string[] = [];
  cancelled?: { reason: string; previousPhase: CampaignPhase; undone: string[]; applicants: number; interns: number };
  resultsWithdrawn = false;
  /** Applicants told by `applicant.released` (the double's outbox). */
  readonly told: string[] = [];
  hosts = new Set<string>();
  /** When set, the appointment waits on it (to act while the campaign is in `appointment`). */
  appointGate?: Promise<void>;

  constructor(
    perPost: Record<string, number>,
    readonly postCounts: Record<string, number>,
  ) {
    this.applicants = Object.entries(perPost).flatMap(([post, n]) =>
      Array.from({ length: n }, () => ({ id: randomUUID(), post, status: 'registered' as ApplicantStatus, scores: {} })),
    );
  }

  count(status: ApplicantStatus): number {
    return this.applicants.filter((a) => a.status === status).length;
  }

  find(id: string): Applicant {
    const a = this.applicants.find((x) => x.id === id);
    if (!a) throw new Error('applicantId: unknown');
    return a;
  }

  activities(): RecruitmentCampaignActivities {
    const step = { internship: 'interning', written: 'examining', interview: 'examining' } as const;
    const missing = { internship: 'internship-not-completed', written: 'absent-written-exam', interview: 'absent-interview' } as const;
    return {
      enterPhase: async ({ phase }) => {
        if (this.phases[this.phases.length - 1] !== phase) this.phases.push(phase);
      },
      screen: async () => {
        this.applicants.filter((a) => a.status === 'registered').forEach((a) => (a.status = 'eligible'));
        return { eligible: this.count('eligible') };
      },
      placeInterns: async () => {
        this.applicants
          .filter((a) => a.status === 'eligible')
          .forEach((a) => {
            a.status = 'interning';
            this.hosts.add(a.id);
          });
        return { interns: this.count('interning') };
      },
      recordScore: async ({ applicantId, kind, score }) => {
        const a = this.find(applicantId);
        if (a.status !== step[kind]) throw new Error(`applicantId: not awaiting a ${kind} score`);
        a.scores[kind] = score;
        this.scoreCalls.push({ applicantId, kind, score });
      },
      dropIntern: async ({ applicantId }) => {
        const a = this.find(applicantId);
        a.status = 'out';
        a.outReason = 'internship-not-completed';
      },
      closeScores: async ({ kind }) => {
        for (const a of this.applicants.filter((x) => x.status === step[kind])) {
          if (a.scores[kind] === undefined) {
            a.status = 'out';
            a.outReason = missing[kind];
          } else a.status = 'examining';
        }
        return { active: this.count('examining') };
      },
      rank: async () => {
        const total = (a: Applicant) => 0.4 * (a.scores.written ?? 0) + 0.4 * (a.scores.interview ?? 0) + 0.2 * (a.scores.internship ?? 0);
        for (const post of Object.keys(this.postCounts)) {
          const ranked = this.applicants.filter((a) => a.post === post && a.status === 'examining').sort((x, y) => total(y) - total(x));
          ranked.forEach((a, i) => {
            a.rank = i + 1;
            a.status = i < this.postCounts[post]! ? 'selected' : 'ranked';
          });
        }
        return { ranked: this.count('ranked') + this.count('selected'), selected: this.count('selected') };
      },
      fileObjection: async ({ applicantId }) => {
        const a = this.find(applicantId);
        if (a.status !== 'selected') throw new Error('applicantId: not selected');
        a.status = 'suspended';
      },
      decideObjection: async ({ applicantId, upheld }) => {
        const a = this.find(applicantId);
        if (!upheld) {
          a.status = 'selected';
          return { promoted: null };
        }
        a.status = 'out';
        a.outReason = 'objection-upheld';
        const next = this.applicants.filter((x) => x.post === a.post && x.status === 'ranked').sort((x, y) => x.rank! - y.rank!)[0];
        if (next) next.status = 'selected';
        return { promoted: next?.id ?? null };
      },
      recordAssessment: async ({ applicantId, passed }) => {
        const a = this.find(applicantId);
        if (a.status !== 'selected') throw new Error('applicantId: not selected');
        if (passed) return { promoted: null };
        a.status = 'out';
        a.outReason = 'assessment-failed';
        const next = this.applicants.filter((x) => x.post === a.post && x.status === 'ranked').sort((x, y) => x.rank! - y.rank!)[0];
        if (next) next.status = 'selected';
        return { promoted: next?.id ?? null };
      },
      withdrawResults: async () => {
        this.undoCalls.push('withdraw-results');
        this.resultsWithdrawn = true;
      },
      releaseInterns: async () => {
        this.undoCalls.push('release-interns');
        const n = this.hosts.size;
        this.hosts.clear();
        return { interns: n };
      },
      releaseApplicants: async () => {
        this.undoCalls.push('release-applicants');
        const running = this.applicants.filter((a) => !['out', 'ineligible', 'appointed'].includes(a.status));
        for (const a of running) {
          a.status = 'out';
          a.outReason = 'campaign-cancelled';
          this.told.push(a.id);
        }
        return { applicants: running.length };
      },
      releasePosts: async ({ reason, previousPhase, undone, applicants, interns }) => {
        this.undoCalls.push('release-posts');
        this.cancelled = { reason, previousPhase, undone, applicants, interns };
        this.phases.push('cancelled');
      },
      appoint: async () => {
        await this.appointGate;
        for (const a of this.applicants.filter((x) => x.status === 'selected')) {
          a.status = 'appointed';
          this.appointed.push(a.id);
        }
        return { appointed: this.count('appointed') };
      },
    };
  }
}

type Handle = WorkflowHandle;

/** Every timed phase lasts `days` days unless closed. */
function input(campaignId: string, days = 10): RecruitmentCampaignInput {
  return {
    campaignId,
    districtCode: '310101',
    deadlines: Object.fromEntries(TIMED_PHASES.map((p) => [p, { afterMs: days * DAY }])) as RecruitmentCampaignInput['deadlines'],
  };
}

async function withCampaign(campaign: Campaign, fn: (h: Handle) => Promise<void>): Promise<void> {
  const taskQueue = `rec-wf-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: campaign.activities(),
  });
  const campaignId = randomUUID();
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('recruitmentCampaignWorkflow', {
      taskQueue,
      workflowId: recruitmentCampaignWorkflowId(campaignId),
      args: [input(campaignId)],
    });
    await fn(handle);
  });
}

/** The update is refused by its validator with a message matching `pattern` (the cause of the update failure). */
async function refused(update: Promise<unknown>, pattern: RegExp): Promise<void> {
  await expect(update).rejects.toMatchObject({ cause: { message: expect.stringMatching(pattern) } });
}

async function state(h: Handle): Promise<RecruitmentCampaignState> {
  return h.query(recruitmentCampaignStateQuery);
}

/** Skips time (half a day at a time) until the workflow is in `phase`. */
async function reach(h: Handle, phase: CampaignPhase): Promise<void> {
  for (let i = 0; i < 2 * 40; i++) {
    if ((await state(h)).phase === phase) return;
    await env.sleep(12 * 60 * 60 * 1000);
  }
  throw new Error(`never reached ${phase}; in ${(await state(h)).phase}`);
}

async function scoreAll(
  h: Handle,
  campaign: Campaign,
  kind: ScoreKind,
  status: ApplicantStatus,
  score: (i: number) => number,
): Promise<void> {
  const ids = campaign.applicants.filter((a) => a.status === status).map((a) => a.id);
  for (const [i, applicantId] of ids.entries())
    await h.executeUpdate(recordScoreUpdate, { args: [{ applicantId, kind, score: score(i), by }] });
}

/** Internship, written and interview scores for everyone in the running; the first applicant best. */
async function runToPublicity(h: Handle, campaign: Campaign): Promise<void> {
  await reach(h, 'internship');
  await scoreAll(h, campaign, 'internship', 'interning', (i) => 90 - i);
  await reach(h, 'written-exam');
  await scoreAll(h, campaign, 'written', 'examining', (i) => 90 - i);
  await reach(h, 'interview');
  await scoreAll(h, campaign, 'interview', 'examining', (i) => 90 - i);
  await reach(h, 'publicity');
}

describe('recruitment campaign workflow (REC-1..7)', () => {
  it('REC-1 a whole campaign runs every phase to its deadline and appoints the best of each post', async () => {
    const campaign = new Campaign({ postA: 3, postB: 2 }, { postA: 1, postB: 1 });
    await withCampaign(campaign, async (h) => {
      await runToPublicity(h, campaign);
      const result = (await h.result()) as RecruitmentCampaignState;
      expect(result).toMatchObject({ phase: 'appointed', appointed: 2, openObjections: 0 });
    });
    expect(campaign.phases).toEqual([
      'registration',
      'screening',
      'internship',
      'written-exam',
      'interview',
      'ranking',
      'assessment',
      'publicity',
      'appointment',
      'appointed',
    ]);
    expect(campaign.applicants.filter((a) => a.status === 'appointed').map((a) => a.rank)).toEqual([1, 1]);
  });

  it('REC-6 the validator refuses a score outside 0..100 or of another phase before anything is recorded', async () => {
    const campaign = new Campaign({ postA: 2 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await reach(h, 'internship');
      const applicantId = campaign.applicants[0]!.id;
      await expect(h.executeUpdate(recordScoreUpdate, { args: [{ applicantId, kind: 'internship', score: 101, by }] })).rejects.toThrow();
      await expect(h.executeUpdate(recordScoreUpdate, { args: [{ applicantId, kind: 'internship', score: -1, by }] })).rejects.toThrow();
      await expect(h.executeUpdate(recordScoreUpdate, { args: [{ applicantId, kind: 'written', score: 80, by }] })).rejects.toThrow();
      expect(campaign.scoreCalls).toEqual([]);
      await h.executeUpdate(recordScoreUpdate, { args: [{ applicantId, kind: 'internship', score: 100, by }] });
      expect(campaign.scoreCalls).toEqual([{ applicantId, kind: 'internship', score: 100 }]);
      await h.terminate('test done');
    });
  });

  it('REC-6 an intern who drops out is out with the reason; one without an evaluation is out at the deadline', async () => {
    const campaign = new Campaign({ postA: 3 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await reach(h, 'internship');
      const [dropped, evaluated, silent] = campaign.applicants;
      await h.executeUpdate(internDroppedOutUpdate, { args: [{ applicantId: dropped!.id, by }] });
      await h.executeUpdate(recordScoreUpdate, { args: [{ applicantId: evaluated!.id, kind: 'internship', score: 85, by }] });
      await reach(h, 'written-exam');
      expect(dropped).toMatchObject({ status: 'out', outReason: 'internship-not-completed' });
      expect(silent).toMatchObject({ status: 'out', outReason: 'internship-not-completed' });
      expect((await state(h)).active).toBe(1);
      await h.terminate('test done');
    });
  });

  it('REC-7 an objection suspends the appointment; rejected, the applicant is appointed', async () => {
    const campaign = new Campaign({ postA: 2 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await runToPublicity(h, campaign);
      const first = campaign.applicants.find((a) => a.status === 'selected')!;
      await h.executeUpdate(fileObjectionUpdate, { args: [{ applicantId: first.id, by }] });
      // A second objection against the same applicant is refused by the validator.
      await expect(h.executeUpdate(fileObjectionUpdate, { args: [{ applicantId: first.id, by }] })).rejects.toThrow();
      // The publicity deadline passes, but no appointment while the objection stands.
      await env.sleep(20 * DAY);
      expect(await state(h)).toMatchObject({ phase: 'publicity', openObjections: 1 });
      await h.executeUpdate(decideObjectionUpdate, { args: [{ applicantId: first.id, upheld: false, by }] });
      expect(await h.result()).toMatchObject({ phase: 'appointed', appointed: 1 });
    });
    expect(campaign.appointed).toEqual([campaign.applicants.find((a) => a.rank === 1)!.id]);
  });

  it('REC-7 an upheld objection moves the next-ranked applicant up', async () => {
    const campaign = new Campaign({ postA: 3 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await runToPublicity(h, campaign);
      const first = campaign.applicants.find((a) => a.status === 'selected')!;
      await h.executeUpdate(fileObjectionUpdate, { args: [{ applicantId: first.id, by }] });
      await h.executeUpdate(decideObjectionUpdate, { args: [{ applicantId: first.id, upheld: true, by }] });
      expect(await h.result()).toMatchObject({ phase: 'appointed', appointed: 1 });
      expect(first).toMatchObject({ status: 'out', outReason: 'objection-upheld' });
    });
    expect(campaign.applicants.find((a) => a.status === 'appointed')!.rank).toBe(2);
  });

  it('an operator closes the current phase early; closing another phase is refused', async () => {
    const campaign = new Campaign({ postA: 1 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await expect(h.executeUpdate(closePhaseUpdate, { args: [{ phase: 'interview', by }] })).rejects.toThrow();
      await h.executeUpdate(closePhaseUpdate, { args: [{ phase: 'registration', by }] });
      for (let i = 0; i < 50 && (await state(h)).phase === 'registration'; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await state(h)).phase).toBe('screening');
      await h.terminate('test done');
    });
  });

  it('REC-1 考核: a failed assessment takes the applicant out and moves the next-ranked up; outside the phase it is refused', async () => {
    const campaign = new Campaign({ postA: 3 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await reach(h, 'internship');
      const someone = campaign.applicants[0]!.id;
      await refused(h.executeUpdate(recordAssessmentUpdate, { args: [{ applicantId: someone, passed: false, by }] }), /assessment phase/);
      await scoreAll(h, campaign, 'internship', 'interning', (i) => 90 - i);
      await reach(h, 'written-exam');
      await scoreAll(h, campaign, 'written', 'examining', (i) => 90 - i);
      await reach(h, 'interview');
      await scoreAll(h, campaign, 'interview', 'examining', (i) => 90 - i);
      await reach(h, 'assessment');
      const first = campaign.applicants.find((a) => a.status === 'selected')!;
      await h.executeUpdate(recordAssessmentUpdate, { args: [{ applicantId: first.id, passed: false, by }] });
      expect(first).toMatchObject({ status: 'out', outReason: 'assessment-failed' });
      expect(await h.result()).toMatchObject({ phase: 'appointed', appointed: 1 });
    });
    expect(campaign.applicants.find((a) => a.status === 'appointed')!.rank).toBe(2);
  });

  it('saga: an operator cancels halfway (written exam); interns, applicants and posts are released in reverse order', async () => {
    const campaign = new Campaign({ postA: 2, postB: 1 }, { postA: 1, postB: 1 });
    await withCampaign(campaign, async (h) => {
      await reach(h, 'internship');
      await scoreAll(h, campaign, 'internship', 'interning', () => 80);
      await reach(h, 'written-exam');
      await refused(h.executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'whim' as never, by }] }), /reason/);
      expect(campaign.undoCalls).toEqual([]);
      await h.executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'operator-decision', by }] });
      await expect(h.executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'operator-decision', by }] })).rejects.toThrow();
      const result = (await h.result()) as RecruitmentCampaignState;
      expect(result).toMatchObject({ phase: 'cancelled', cancelReason: 'operator-decision' });
      expect(result.undone).toEqual(['release-interns', 'release-applicants', 'release-posts']);
    });
    // Results were never published, so there is nothing to withdraw: only the steps that had succeeded are undone.
    expect(campaign.undoCalls).toEqual(['release-interns', 'release-applicants', 'release-posts']);
    expect(campaign.resultsWithdrawn).toBe(false);
    expect(campaign.hosts.size).toBe(0);
    expect(campaign.told).toHaveLength(3);
    expect(campaign.applicants.every((a) => a.outReason === 'campaign-cancelled')).toBe(true);
    expect(campaign.cancelled).toEqual({
      reason: 'operator-decision',
      previousPhase: 'written-exam',
      undone: ['release-interns', 'release-applicants', 'release-posts'],
      applicants: 3,
      interns: 3,
    });
    expect(campaign.phases).not.toContain('ranking');
  });

  it('saga: cancelled during publicity, the published results are withdrawn first', async () => {
    const campaign = new Campaign({ postA: 2 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await runToPublicity(h, campaign);
      await h.executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'operator-decision', by }] });
      expect(await h.result()).toMatchObject({
        phase: 'cancelled',
        undone: ['withdraw-results', 'release-interns', 'release-applicants', 'release-posts'],
      });
    });
    expect(campaign.resultsWithdrawn).toBe(true);
    expect(campaign.appointed).toEqual([]);
  });

  it('saga: a phase that cannot proceed (every intern dropped out) cancels the campaign with its reason', async () => {
    const campaign = new Campaign({ postA: 2 }, { postA: 1 });
    await withCampaign(campaign, async (h) => {
      await reach(h, 'internship');
      for (const a of campaign.applicants) await h.executeUpdate(internDroppedOutUpdate, { args: [{ applicantId: a.id, by }] });
      expect(await h.result()).toMatchObject({ phase: 'cancelled', cancelReason: 'no-applicants-left' });
    });
    expect(campaign.cancelled).toMatchObject({ reason: 'no-applicants-left', previousPhase: 'internship', applicants: 0 });
    expect(campaign.phases).not.toContain('written-exam');
  });

  it('saga: once the appointment has begun a cancel is refused; the appointed stay appointed', async () => {
    const campaign = new Campaign({ postA: 2 }, { postA: 1 });
    let open = (): void => undefined;
    campaign.appointGate = new Promise<void>((resolve) => (open = resolve));
    await withCampaign(campaign, async (h) => {
      await runToPublicity(h, campaign);
      await h.executeUpdate(closePhaseUpdate, { args: [{ phase: 'publicity', by }] });
      await reach(h, 'appointment');
      await refused(h.executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'operator-decision', by }] }), /no longer be cancelled/);
      open();
      expect(await h.result()).toMatchObject({ phase: 'appointed', cancelReason: null });
    });
    expect(campaign.undoCalls).toEqual([]);
    expect(campaign.appointed).toHaveLength(1);
  });
});
