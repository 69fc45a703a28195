import { Module } from '@nestjs/common';
import { RecordsModule } from '../records';
import { ResultAccess } from './result-access';
import { ResultRepository } from './result.repository';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';
import { GradeSignalSweep } from './workflow/grade-signal-sweep';
import { GradeSignals } from './workflow/grade-signals';

/** Yearly results: close, calibration, publication, appeals, reports and the top ten (APPR-1..3, APPR-6). */
@Module({
  imports: [RecordsModule],
  controllers: [ResultsController],
  providers: [ResultRepository, ResultAccess, ResultsService, GradeSignals, GradeSignalSweep],
  exports: [ResultsService, GradeSignals],
})
export class ResultsModule {}
