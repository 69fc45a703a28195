import { Module } from '@nestjs/common';
import { StaffingModule } from '../staffing';
import { CampaignAccess } from './campaign-access';
import { CampaignRepository } from './campaign.repository';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { CampaignWorkflow } from './workflow/campaign-workflow';
import { StreetPostsService } from './street-posts.service';

/**
 * Campaigns (REC-1..3, REC-5): opening within the rounds a year and the streets' vacancies, the
 * campaign workflow started after commit (and by the platform reconciler), phase changes.
 */
@Module({
  imports: [StaffingModule],
  controllers: [CampaignsController],
  providers: [CampaignRepository, CampaignAccess, CampaignsService, CampaignWorkflow, StreetPostsService],
  exports: [CampaignsService, CampaignRepository, CampaignAccess],
})
export class CampaignsModule {}
