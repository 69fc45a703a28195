export { CampaignsModule } from './campaigns.module';
export { CampaignsService } from './campaigns.service';
export { CampaignRepository } from './campaign.repository';
export { CampaignAccess, CAMPAIGN_ENTITY_NAME } from './campaign-access';
export { CAMPAIGN_ID } from './campaigns.controller';
export { campaignsMigrations } from './migrations';
export type { CampaignRow, CampaignPostRow } from './campaign.row';
export { CAMPAIGN_AUDIT_ENTITY } from './campaign-audit';
export { campaignEventData } from './campaign-event-data';
