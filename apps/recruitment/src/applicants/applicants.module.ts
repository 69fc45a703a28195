import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns';
import { ReserveModule } from '../reserve';
import { ApplicantAccess } from './applicant-access';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantsController, PublicApplicationsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/**
 * Applicants (REC-4..7): operator and public applications and talent-pool invitations with eligibility, reads with every
 * decision's explanation. The campaign's steps (selection) change them set-based.
 */
@Module({
  imports: [CampaignsModule, ReserveModule],
  controllers: [ApplicantsController, PublicApplicationsController],
  providers: [ApplicantRepository, ApplicantAccess, ApplicantsService, PublicRateLimitGuard],
  exports: [ApplicantRepository, ApplicantAccess, ApplicantsService],
})
export class ApplicantsModule {}
