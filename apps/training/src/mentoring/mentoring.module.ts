import { Module } from '@nestjs/common';
import { RosterModule } from '../roster';
import { MentorshipRepository } from './mentorship.repository';
import { MentorshipsController } from './mentorships.controller';
import { MentorshipsService } from './mentorships.service';

/** Mentoring pairs with a plan, objectives and check-ins (TRAIN-9). */
@Module({
  imports: [RosterModule],
  controllers: [MentorshipsController],
  providers: [MentorshipRepository, MentorshipsService],
  exports: [MentorshipsService],
})
export class MentoringModule {}
