import { Module } from '@nestjs/common';
import { RecordsModule } from '../records';
import { ResultAccess } from './result-access';
import { ResultRepository } from './result.repository';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

/** Yearly results: close, calibration, publication, appeals, reports and the top ten (APPR-1..3, APPR-6). */
@Module({
  imports: [RecordsModule],
  controllers: [ResultsController],
  providers: [ResultRepository, ResultAccess, ResultsService],
  exports: [ResultsService],
})
export class ResultsModule {}
