import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, type Principal } from '@cwp/platform';
import type { Explanation } from '@cwp/policy';
import { StaffingRepository } from '../staffing';
import { RecruitmentError } from '../core';
import { CAMPAIGN_AUDIT_ENTITY } from './campaign-audit';
import { CampaignAccess } from './campaign-access';
import { CampaignRepository } from './campaign.repository';
import { toPostResponse, type CampaignPostResponse, type PostPlanDto } from './campaign.dto';
import { checkStreetPost } from './rules/street-post-check';

/**
 * REC-3 street autonomy: a street adds street-selected posts to its district's running campaign,
 * checked (and explained) against its own vacancies under the same district lock as an opening.
 */
@Injectable()
export class StreetPostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CampaignRepository,
    private readonly staffing: StaffingRepository,
    private readonly access: CampaignAccess,
    private readonly audit: AuditTrail,
  ) {}

  async add(campaignId: string, dto: PostPlanDto, principal: Principal): Promise<CampaignPostResponse & { explanation: Explanation }> {
    const campaign = await this.access.readable(campaignId, principal, 'street-post');
    // The post is the caller's own street's (a district or the city may add one for a street it names).
    const streetCode = principal.role === 'street' ? principal.unit : dto.streetCode;
    if (principal.role === 'street' && dto.streetCode !== principal.unit)
      throw DomainError.validation('streetCode', `streetCode ${dto.streetCode} is not your street ${principal.unit} (REC-3)`);
    this.access.plannedStreet(campaign.districtCode, streetCode, 'streetCode');
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`recruitment-campaign:${campaign.districtCode}`]);
      const current = (await this.repository.findById(campaignId, em))!;
      const [vacancies, planned] = await Promise.all([
        this.staffing.vacanciesOfStreets([streetCode], em),
        this.repository.plannedElsewhere([streetCode], em),
      ]);
      const decision = checkStreetPost({
        streetCode,
        phase: current.phase,
        requested: dto.count,
        vacancies: vacancies.get(streetCode) ?? 0,
        plannedRunning: planned.get(streetCode) ?? 0,
      });
      if (decision.value.problem === 'phase')
        throw new DomainError(
          RecruitmentError.CAMPAIGN_PHASE,
          `Streets add their posts while registration is open; the campaign is in ${current.phase} (REC-3)`,
          {
            field: 'count',
            details: { explanation: decision.explanation },
          },
        );
      if (decision.value.problem === 'vacancies')
        throw new DomainError(
          RecruitmentError.PLAN_EXCEEDS_VACANCIES,
          `Street ${streetCode}: ${dto.count} street-selected posts exceed its room of ${decision.value.room} (REC-3)`,
          { field: 'count', details: { explanation: decision.explanation } },
        );
      const post = {
        id: randomUUID(),
        campaignId,
        streetCode,
        postCategory: dto.postCategory,
        count: dto.count,
        requiredQualification: dto.requiredQualification ?? null,
        streetSelected: true,
      };
      await em.query(
        `INSERT INTO campaign_posts (id, campaign_id, street_code, post_category, count, required_qualification, street_selected, autonomy_explanation)
         VALUES ($1, $2, $3, $4, $5, $6, true, $7)`,
        [post.id, campaignId, streetCode, post.postCategory, post.count, post.requiredQualification, decision.explanation],
      );
      await this.audit.record(
        em,
        {
          action: 'street-post',
          entity: CAMPAIGN_AUDIT_ENTITY,
          entityId: campaignId,
          after: { postId: post.id, streetCode, count: post.count },
        },
        principal,
      );
      return { ...toPostResponse(post), explanation: decision.explanation };
    });
  }
}
