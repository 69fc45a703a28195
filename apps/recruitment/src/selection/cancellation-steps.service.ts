import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import {
  applicantReleasedContract,
  campaignCancelledContract,
  campaignPhaseChangedContract,
  type ApplicantReleasedData,
  type ApplicantStatus,
  type CampaignPhase,
  type CancelReason,
  type CancelStep,
} from '@cwp/contracts';
import { AuditTrail, OutboxWriter, ServiceClock, type Principal } from '@cwp/platform';
import { APPLICANT_AUDIT_ENTITY } from '../applicants';
import { CAMPAIGN_AUDIT_ENTITY, CampaignRepository, campaignEventData } from '../campaigns';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../core';
import { heartbeat } from './activity-heartbeat';

/** The saga acts as the system (the operator who cancelled is in the workflow's update and audit). */
const SYSTEM: Principal = { sub: 'recruitment-campaign-workflow', role: 'system', unit: '31' };
/** Statuses still in the running: everything but the final ones. An appointed applicant is never touched. */
const RUNNING: readonly ApplicantStatus[] = ['registered', 'eligible', 'interning', 'examining', 'ranked', 'selected', 'suspended'];

export interface ReleasePostsInput {
  reason: CancelReason;
  previousPhase: CampaignPhase;
  undone: CancelStep[];
  applicants: number;
  interns: number;
}

/**
 * The undo steps of the cancellation saga (issue 10), each set-based and idempotent: a retried
 * step finds nothing left to undo and changes nothing twice.
 */
@Injectable()
export class CancellationSteps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
    /** `stepChunk`: applicants released per transaction (one UPDATE and one outbox INSERT each). */
    @Inject(RECRUITMENT_SETTINGS) private readonly settings: RecruitmentSettings,
  ) {}

  /** REC-7: the published ranking is withdrawn; the ranking export answers 409 from now on. */
  async withdrawResults(campaignId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [rows] = (await em.query(
        'UPDATE campaigns SET results_withdrawn_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND results_withdrawn_at IS NULL RETURNING id',
        [campaignId],
      )) as [unknown[], number];
      if (rows.length === 0) return;
      await this.audit.record(
        em,
        { action: 'results-withdrawn', entity: CAMPAIGN_AUDIT_ENTITY, entityId: campaignId, after: { resultsWithdrawn: true } },
        SYSTEM,
      );
    });
  }

  /** REC-6: interns leave their host streets (host cleared); the count of those released. */
  async releaseInterns(campaignId: string): Promise<{ interns: number }> {
    const [rows] = (await this.dataSource.query(
      `UPDATE applicants SET host_street = NULL, version = version + 1, updated_at = now()
        WHERE campaign_id = $1 AND host_street IS NOT NULL AND status <> 'appointed' RETURNING id`,
      [campaignId],
    )) as [unknown[], number];
    return { interns: rows.length };
  }

  /** Everyone still in the running is out (`campaign-cancelled`) and told by `applicant.released`, a chunk per transaction. */
  async releaseApplicants(campaignId: string): Promise<{ applicants: number }> {
    const releasedOn = this.clock.today();
    let released = 0;
    for (;;) {
      const chunk = await this.dataSource.transaction(async (em) => {
        const [rows] = (await em.query(
          `WITH picked AS (
             SELECT id, status FROM applicants WHERE campaign_id = $1 AND status = ANY($2::text[]) ORDER BY id LIMIT $3 FOR UPDATE)
           UPDATE applicants a SET status = 'out', out_reason = 'campaign-cancelled', version = a.version + 1, updated_at = now()
             FROM picked WHERE a.id = picked.id
           RETURNING a.id AS "applicantId", a.post_id AS "postId", a.street_code AS "streetCode",
                     picked.status AS "previousStatus", a.talent_pool_entry_id AS "talentPoolEntryId"`,
          [campaignId, RUNNING, this.settings.stepChunk],
        )) as [Array<Omit<ApplicantReleasedData, 'campaignId' | 'reason' | 'releasedOn'>>, number];
        await this.outbox.appendMany(
          em,
          applicantReleasedContract,
          rows.map((r) => ({ key: r.applicantId, data: { ...r, campaignId, reason: 'campaign-cancelled' as const, releasedOn } })),
        );
        if (rows.length > 0)
          await this.audit.record(
            em,
            { action: 'released', entity: APPLICANT_AUDIT_ENTITY, entityId: campaignId, after: { applicants: rows.length } },
            SYSTEM,
          );
        return rows.length;
      });
      if (chunk === 0) break;
      released += chunk;
      heartbeat(released);
    }
    return { applicants: released };
  }

  /**
   * The last undo: the campaign moves to `cancelled`, so its posts stop holding the streets'
   * vacancies (REC-3, CampaignRepository.plannedElsewhere), with `phase-changed` and
   * `campaign.cancelled` (what the saga undid). A repeat finds it cancelled and does nothing.
   */
  async releasePosts(campaignId: string, input: ReleasePostsInput): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const changed = await this.campaigns.setPhase(em, campaignId, 'cancelled');
      if (!changed) return;
      if (changed.before === 'appointed')
        throw ApplicationFailure.nonRetryable('phase: an appointed campaign cannot be cancelled', 'CONFLICT');
      const posts = await this.campaigns.postsOf(campaignId, em);
      const cancelledAt = changed.after.updatedAt;
      await this.audit.record(
        em,
        {
          action: 'cancel',
          entity: CAMPAIGN_AUDIT_ENTITY,
          entityId: campaignId,
          before: { phase: changed.before },
          after: { phase: 'cancelled', reason: input.reason, undone: input.undone },
        },
        SYSTEM,
      );
      await this.outbox.append(em, {
        contract: campaignPhaseChangedContract,
        key: campaignId,
        data: campaignEventData.phaseChanged(changed.after, changed.before, cancelledAt),
      });
      await this.outbox.append(em, {
        contract: campaignCancelledContract,
        key: campaignId,
        data: {
          campaignId,
          districtCode: changed.after.districtCode,
          reason: input.reason,
          previousPhase: input.previousPhase,
          undone: input.undone,
          releasedPosts: posts.map((p) => ({ postId: p.id, streetCode: p.streetCode, count: p.count })),
          applicantsReleased: input.applicants,
          internsReleased: input.interns,
          cancelledAt: cancelledAt.toISOString(),
        },
      });
    });
  }
}
