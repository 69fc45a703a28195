/**
 * The contract between the training service and a mentoring pair's workflow (TRAIN-9): a check-in
 * reminder whenever a period passes without one, and the close at the plan's end. Ids and dates only.
 */

export interface MentorshipInput {
  mentorshipId: string;
  /** The plan's dates (YYYY-MM-DD, Shanghai). */
  startsOn: string;
  endsOn: string;
  /** Days a pair may go without a check-in before the street is reminded. */
  checkinEveryDays: number;
}

export interface MentorshipOutcome {
  mentorshipId: string;
  reminders: number;
  objectivesMet: number;
}
