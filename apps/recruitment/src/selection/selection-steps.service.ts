import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import {
  SCORE_KINDS,
  applicantAppointedContract,
  type ApplicantOutReason,
  type ApplicantStatus,
  type OperatorRef,
  type ScoreKind,
} from '@cwp/contracts';
import { AuditTrail, OutboxWriter, POLICY_CATALOG, ServiceClock, type Principal } from '@cwp/platform';
import { combinedScore, type PolicyCatalog } from '@cwp/policy';
import { APPLICANT_AUDIT_ENTITY, ApplicantRepository, applicantEventData } from '../applicants';
import { CampaignRepository, CampaignsService } from '../campaigns';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../core';
import { heartbeat } from './activity-heartbeat';

/** Applicants of each scored step, and who misses the step's score leaves with which reason. */
const STEP: Readonly<Record<ScoreKind, { status: ApplicantStatus; next: ApplicantStatus; missing: ApplicantOutReason }>> = {
  internship: { status: 'interning', next: 'examining', missing: 'internship-not-completed' },
  written: { status: 'examining', next: 'examining', missing: 'absent-written-exam' },
  interview: { status: 'examining', next: 'examining', missing: 'absent-interview' },
};

const operator = (by: OperatorRef): Principal => ({ sub: by.sub, role: by.role as Principal['role'], unit: by.unit });

/**
 * The campaign workflow's steps over the campaign's applicants (REC-4..7), each set-based in one
 * or a few statements, idempotent by status guards (a retry changes nothing twice). Refusals an
 * operator must see (an applicant not in that step) are non-retryable failures naming the field.
 */
@Injectable()
export class SelectionSteps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applicants: ApplicantRepository,
    private readonly campaigns: CampaignRepository,
    private readonly campaignsService: CampaignsService,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly policies: PolicyCatalog,
    /** `stepChunk`: rows per chunk of a set-based step (one statement and one heartbeat each). */
    @Inject(RECRUITMENT_SETTINGS) private readonly settings: RecruitmentSettings,
  ) {}

  enterPhase(campaignId: string, phase: Parameters<CampaignsService['enterPhase']>[1]): Promise<void> {
    return this.campaignsService.enterPhase(campaignId, phase);
  }

  /** Screening: every registered applicant passed REC-4/5 at entry (hard failures were refused), so all become eligible. */
  async screen(campaignId: string): Promise<{ eligible: number }> {
    return { eligible: await this.dataSource.transaction((em) => this.applicants.moveAll(em, campaignId, 'registered', 'eligible')) };
  }

  /** REC-6: each eligible applicant is placed with the street of their post as the internship host. */
  async placeInterns(campaignId: string): Promise<{ interns: number }> {
    return { interns: await this.dataSource.transaction((em) => this.applicants.moveAll(em, campaignId, 'eligible', 'interning', true)) };
  }

  async recordScore(campaignId: string, applicantId: string, kind: ScoreKind, score: number, by: OperatorRef): Promise<void> {
    if (!(SCORE_KINDS as readonly string[]).includes(kind) || !(score >= 0 && score <= 100))
      throw ApplicationFailure.nonRetryable(`score: ${score} is outside 0..100 (REC-6)`, 'VALIDATION_FAILED');
    await this.dataSource.transaction(async (em) => {
      if (!(await this.applicants.setScore(em, campaignId, applicantId, kind, score, [STEP[kind].status])))
        throw ApplicationFailure.nonRetryable(`applicantId: no applicant of this campaign awaits a ${kind} score`, 'NOT_FOUND');
      await this.audit.record(
        em,
        { action: `score-${kind}`, entity: APPLICANT_AUDIT_ENTITY, entityId: applicantId, after: { [kind]: score } },
        operator(by),
      );
    });
  }

  /** REC-6: an intern who stops is out with the reason. */
  async dropIntern(campaignId: string, applicantId: string, by: OperatorRef): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.applicants.takeOut(em, campaignId, applicantId, 'internship-not-completed', ['interning'])))
        throw ApplicationFailure.nonRetryable('applicantId: no intern of this campaign with this id', 'NOT_FOUND');
      await this.audit.record(
        em,
        {
          action: 'drop-out',
          entity: APPLICANT_AUDIT_ENTITY,
          entityId: applicantId,
          after: { status: 'out', outReason: 'internship-not-completed' },
        },
        operator(by),
      );
    });
  }

  async closeScores(campaignId: string, kind: ScoreKind): Promise<{ active: number }> {
    const step = STEP[kind];
    return {
      active: await this.dataSource.transaction((em) =>
        this.applicants.closeStep(em, campaignId, kind, step.status, step.next, step.missing),
      ),
    };
  }

  /**
   * REC-6: the combined score of every remaining applicant (policy version of the campaign), in
   * chunks that heartbeat, then rank per post and select the best `count` of each in one statement.
   */
  async rank(campaignId: string): Promise<{ ranked: number; selected: number }> {
    const campaign = await this.campaigns.findById(campaignId);
    if (!campaign) throw ApplicationFailure.nonRetryable(`campaign ${campaignId} not found`, 'NOT_FOUND');
    const policy = this.policies.byId(campaign.policyVersion);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.applicants.chunk(campaignId, 'examining', after, this.settings.stepChunk);
      if (rows.length === 0) break;
      const scored = rows.map((r) => {
        const d = combinedScore(policy, {
          written: r.writtenScore ?? 0,
          interview: r.interviewScore ?? 0,
          internship: r.internshipScore ?? 0,
        });
        return { id: r.id, score: d.value.score, explanation: d.explanation };
      });
      await this.dataSource.transaction((em) => this.applicants.setCombined(em, scored));
      after = rows[rows.length - 1]!.id;
      heartbeat(after);
    }
    return this.dataSource.transaction((em) => this.applicants.rankAndSelect(em, campaignId));
  }

  /** REC-7: an objection suspends a selected applicant until the district decides. */
  async fileObjection(campaignId: string, applicantId: string, by: OperatorRef): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.applicants.setObjection(em, campaignId, applicantId, 'selected', 'suspended', 'open')))
        throw ApplicationFailure.nonRetryable('applicantId: no selected applicant of this campaign with this id', 'NOT_FOUND');
      await this.audit.record(
        em,
        { action: 'objection-filed', entity: APPLICANT_AUDIT_ENTITY, entityId: applicantId, after: { status: 'suspended' } },
        operator(by),
      );
    });
  }

  /** Rejected: selected again. Upheld: out (objection-upheld) and the next-ranked of the post moves up. */
  async decideObjection(campaignId: string, applicantId: string, upheld: boolean, by: OperatorRef): Promise<{ promoted: string | null }> {
    return this.dataSource.transaction(async (em) => {
      const moved = await this.applicants.setObjection(
        em,
        campaignId,
        applicantId,
        'suspended',
        upheld ? 'out' : 'selected',
        upheld ? 'upheld' : 'rejected',
      );
      if (!moved) throw ApplicationFailure.nonRetryable('applicantId: no suspended applicant of this campaign with this id', 'NOT_FOUND');
      const row = (await this.applicants.findById(applicantId, em))!;
      const promoted = upheld ? await this.applicants.promoteNext(em, row.postId) : null;
      await this.audit.record(
        em,
        {
          action: upheld ? 'objection-upheld' : 'objection-rejected',
          entity: APPLICANT_AUDIT_ENTITY,
          entityId: applicantId,
          after: { status: row.status, promoted },
        },
        operator(by),
      );
      return { promoted };
    });
  }

  /** 考核: passed is recorded; failed takes the applicant out (`assessment-failed`) and the next-ranked of the post moves up. */
  async recordAssessment(campaignId: string, applicantId: string, passed: boolean, by: OperatorRef): Promise<{ promoted: string | null }> {
    return this.dataSource.transaction(async (em) => {
      const [rows] = (await em.query(
        `UPDATE applicants SET assessment_passed = $3,
                status = CASE WHEN $3 THEN status ELSE 'out' END,
                out_reason = CASE WHEN $3 THEN out_reason ELSE 'assessment-failed' END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND campaign_id = $2 AND status = 'selected' RETURNING post_id AS "postId"`,
        [applicantId, campaignId, passed],
      )) as [Array<{ postId: string }>, number];
      if (rows.length === 0)
        throw ApplicationFailure.nonRetryable('applicantId: no selected applicant of this campaign with this id', 'NOT_FOUND');
      const promoted = passed ? null : await this.applicants.promoteNext(em, rows[0]!.postId);
      await this.audit.record(
        em,
        {
          action: passed ? 'assessment-passed' : 'assessment-failed',
          entity: APPLICANT_AUDIT_ENTITY,
          entityId: applicantId,
          after: { assessmentPassed: passed, promoted },
        },
        operator(by),
      );
      return { promoted };
    });
  }

  /** REC-1: every selected applicant is appointed, a chunk per transaction with its `applicant.appointed` events. */
  async appoint(campaignId: string): Promise<{ appointed: number }> {
    const posts = new Map((await this.campaigns.postsOf(campaignId)).map((p) => [p.id, p]));
    const today = this.clock.today();
    let appointed = 0;
    for (;;) {
      const chunk = await this.dataSource.transaction(async (em) => {
        const rows = await this.applicants.appointChunk(em, campaignId, today, this.settings.stepChunk);
        await this.outbox.appendMany(
          em,
          applicantAppointedContract,
          rows.map((row) => ({ key: row.id, data: applicantEventData.appointed(row, posts.get(row.postId)!.postCategory) })),
        );
        return rows.length;
      });
      if (chunk === 0) break;
      appointed += chunk;
      heartbeat(appointed);
    }
    const [total] = (await this.dataSource.query(
      "SELECT count(*)::int AS n FROM applicants WHERE campaign_id = $1 AND status = 'appointed'",
      [campaignId],
    )) as Array<{ n: number }>;
    return { appointed: total?.n ?? appointed };
  }
}
