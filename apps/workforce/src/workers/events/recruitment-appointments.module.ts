import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers.module';
import { RecruitmentAppointedHandler } from './recruitment-appointed.handler';

/**
 * REC-1 appointments by the recruitment service become hires. Its own module so the roster module
 * (and its test apps) need no inbox: the root module provides the platform InboxConsumer.
 */
@Module({
  imports: [WorkersModule],
  providers: [RecruitmentAppointedHandler],
})
export class RecruitmentAppointmentsModule {}
