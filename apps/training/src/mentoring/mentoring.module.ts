import { Module } from '@nestjs/common';
import { RosterModule } from '../roster';
import { MentorshipRepository } from './mentorship.repository';
import { MentorshipsController } from './mentorships.controller';
import { MentorshipsService } from './mentorships.service';
import { MentorshipWorkflow } from './workflow/mentorship-workflow';

/** Mentoring pairs with a plan, objectives, check-ins and check-in reminders (TRAIN-9). */
@Module({
  imports: [RosterModule],
  controllers: [MentorshipsController],
  providers: [MentorshipRepository, MentorshipsService, MentorshipWorkflow],
  exports: [MentorshipsService],
})
export class MentoringModule {}
