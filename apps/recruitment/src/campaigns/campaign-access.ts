import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, OrgUnitDirectory, isUuid, type Principal } from '@cwp/platform';
import { CampaignRepository } from './campaign.repository';
import type { CampaignRow } from './campaign.row';

export const CAMPAIGN_ENTITY_NAME = 'Recruitment campaign';

/**
 * Who may see and run which campaigns (ORG-2, REC-1), deny by default. Districts run their own
 * campaigns, the city sees and runs all, a street reads the campaigns of its district (it hosts
 * interns and sees its posts). Anything else answers NOT_FOUND like a missing campaign, and the
 * denial is written to the audit trail.
 */
@Injectable()
export class CampaignAccess {
  constructor(
    private readonly repository: CampaignRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly directory: OrgUnitDirectory,
  ) {}

  /** The campaign, readable by its district, the city and the district's streets; else 404 (audited). */
  async readable(id: string, principal: Principal, action = 'read'): Promise<CampaignRow> {
    const row = await this.find(id);
    if (principal.role === 'street' && principal.unit.startsWith(row.districtCode)) return row;
    await this.jurisdiction.assertWithin(principal, row.districtCode, { entity: CAMPAIGN_ENTITY_NAME, entityId: id, action });
    return row;
  }

  /** The campaign, for its district or the city only (a street's or another district's attempt is 404, audited). */
  async manageable(id: string, principal: Principal, action: string): Promise<CampaignRow> {
    const row = await this.find(id);
    // A street's scope never contains its district: its attempt is denied here like any other.
    await this.jurisdiction.assertWithin(principal, row.districtCode, { entity: CAMPAIGN_ENTITY_NAME, entityId: id, action });
    return row;
  }

  /** The district opening a campaign: in scope (else 404 on the field, audited) and a district. */
  async openingDistrict(principal: Principal, code: string, field: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, code, field, 'open-campaign');
    const kind = this.directory.kindOf(code);
    if (kind !== 'district') throw DomainError.validation(field, `${field} ${code} must be a district (it is a ${kind ?? 'unknown unit'})`);
  }

  /** A planned street: a street of the campaign's district. */
  plannedStreet(districtCode: string, code: string, field: string): void {
    if (!code.startsWith(districtCode) || this.directory.kindOf(code) !== 'street')
      throw DomainError.validation(field, `${field} ${code} must be a street of district ${districtCode}`);
  }

  private async find(id: string): Promise<CampaignRow> {
    const row = isUuid(id) ? await this.repository.findById(id) : undefined;
    if (!row) throw DomainError.notFound(CAMPAIGN_ENTITY_NAME, id);
    return row;
  }
}
