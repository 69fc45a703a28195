import { Module } from '@nestjs/common';
import { ResultsModule } from '../results';
import { CycleAccess } from './cycle-access';
import { CycleRepository } from './cycle.repository';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { CycleWorkflow } from './workflow/cycle-workflow';
import { CycleWorkflows } from './workflow/cycle-workflows';

/** Yearly appraisal cycles (APPR-1..4): opening, targets, close, calibration and publication. */
@Module({
  imports: [ResultsModule],
  controllers: [CyclesController],
  providers: [CycleRepository, CycleAccess, CycleWorkflow, CycleWorkflows, CyclesService],
  exports: [CyclesService, CycleRepository],
})
export class CyclesModule {}
