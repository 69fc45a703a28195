import { Module } from '@nestjs/common';
import { ApplicantsModule } from '../applicants';
import { CampaignsModule } from '../campaigns';
import { SelectionController } from './selection.controller';
import { SelectionService } from './selection.service';
import { SelectionSteps } from './selection-steps.service';
import { CancellationSteps } from './cancellation-steps.service';
import { RankingExport } from './ranking-export.service';

/**
 * Selection (REC-1, REC-6, REC-7): the campaign workflow's set-based steps (screening, internship,
 * scores, ranking, publicity objections, appointment) and the operators' actions, sent to the
 * workflow as updates.
 */
@Module({
  imports: [CampaignsModule, ApplicantsModule],
  controllers: [SelectionController],
  providers: [SelectionService, SelectionSteps, CancellationSteps, RankingExport],
  exports: [SelectionSteps, CancellationSteps, SelectionService],
})
export class SelectionModule {}
