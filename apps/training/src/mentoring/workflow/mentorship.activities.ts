import type { MentorshipActivities } from '@cwp/training-workflows';
import type { MentorshipsService } from '../mentorships.service';

/** The mentoring workflow's activities, bound to the service that owns the rows (each idempotent). */
export function createMentorshipActivities(mentorships: MentorshipsService): MentorshipActivities {
  return {
    remindMentorship: ({ mentorshipId, since, dueBy }) => mentorships.remind(mentorshipId, since, dueBy),
    closeMentorship: ({ mentorshipId }) => mentorships.close(mentorshipId),
  };
}
