export { MentoringModule } from './mentoring.module';
export { MentorshipsService } from './mentorships.service';
export { mentoringMigrations } from './migrations';
export { createMentorshipActivities } from './workflow/mentorship.activities';
