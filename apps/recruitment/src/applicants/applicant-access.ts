import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, isUuid, type Principal } from '@cwp/platform';
import { CampaignAccess, type CampaignRow } from '../campaigns';
import { ApplicantRepository } from './applicant.repository';
import type { ApplicantRow } from './applicant.row';

export const APPLICANT_ENTITY_NAME = 'Recruitment applicant';

/**
 * Who may see and act on which applicants (ORG-2), deny by default: the campaign's district and
 * the city see all of a campaign's applicants; a street sees the applicants of its own posts
 * (it hosts their internship). Anything else answers NOT_FOUND like a missing applicant, and the
 * denial is written to the audit trail.
 */
@Injectable()
export class ApplicantAccess {
  constructor(
    private readonly repository: ApplicantRepository,
    private readonly campaigns: CampaignAccess,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async visible(id: string, principal: Principal, action = 'read'): Promise<ApplicantRow> {
    const row = isUuid(id) ? await this.repository.findById(id) : undefined;
    if (!row) throw DomainError.notFound(APPLICANT_ENTITY_NAME, id);
    await this.jurisdiction.assertWithin(principal, row.streetCode, { entity: APPLICANT_ENTITY_NAME, entityId: id, action });
    return row;
  }

  /** An applicant the caller may manage: the campaign's district or the city (a street's attempt is 404, audited). */
  async manageable(id: string, principal: Principal, action: string): Promise<ApplicantRow> {
    const row = await this.visible(id, principal, action);
    await this.campaigns.manageable(row.campaignId, principal, action);
    return row;
  }

  /** The campaign's applicants the caller may list: a street only those of its own posts. */
  async listable(campaignId: string, principal: Principal): Promise<{ campaign: CampaignRow; streetCode?: string }> {
    const campaign = await this.campaigns.readable(campaignId, principal, 'list-applicants');
    return principal.role === 'street' ? { campaign, streetCode: principal.unit } : { campaign };
  }

  /** An operator entering an application: the campaign's district, the city, or the street of the post. */
  async enteringFor(campaignId: string, streetCode: string | undefined, principal: Principal): Promise<CampaignRow> {
    if (principal.role === 'street') {
      const campaign = await this.campaigns.readable(campaignId, principal, 'apply');
      if (streetCode !== undefined) await this.jurisdiction.assertUnitAccessible(principal, streetCode, 'postId', 'apply');
      return campaign;
    }
    return this.campaigns.manageable(campaignId, principal, 'apply');
  }
}
