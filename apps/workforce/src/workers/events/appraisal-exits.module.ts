import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers.module';
import { AppraisalExitTriggeredHandler } from './appraisal-exit-triggered.handler';

/**
 * EXIT-3 cause 1 triggered by the appraisal service. Its own module so the roster module (and its
 * test apps) need no inbox: the root module provides the platform InboxConsumer.
 */
@Module({
  imports: [WorkersModule],
  providers: [AppraisalExitTriggeredHandler],
})
export class AppraisalExitsModule {}
