import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CampaignsModule } from '../campaigns';
import { ReserveModule } from '../reserve';
import { ApplicantAccess } from './applicant-access';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantsController, PUBLIC_APPLICATION_PATH, PublicApplicationsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';
import { PublicRateLimitMiddleware } from './public-rate-limit.middleware';

/**
 * Applicants (REC-4..7): operator and public applications and talent-pool invitations with eligibility, reads with every
 * decision's explanation. The campaign's steps (selection) change them set-based.
 */
@Module({
  imports: [CampaignsModule, ReserveModule],
  controllers: [ApplicantsController, PublicApplicationsController],
  providers: [ApplicantRepository, ApplicantAccess, ApplicantsService, PublicRateLimitMiddleware],
  exports: [ApplicantRepository, ApplicantAccess, ApplicantsService],
})
export class ApplicantsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicRateLimitMiddleware).forRoutes({ path: PUBLIC_APPLICATION_PATH, method: RequestMethod.POST });
  }
}
