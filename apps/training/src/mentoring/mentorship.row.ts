export interface MentorshipRow {
  id: string;
  mentorId: string;
  menteeId: string;
  /** The mentee's unit: who may see the pair. */
  unitCode: string;
  objectives: string[];
  plan: string;
  startsOn: string;
  endsOn: string;
  /** TRAIN-9: days a pair may go without a check-in before the street is reminded. */
  checkinEveryDays: number;
  status: 'open' | 'closed';
}

export const MENTORSHIP_COLUMNS = `id, mentor_id AS "mentorId", mentee_id AS "menteeId", unit_code AS "unitCode", objectives, plan,
  to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", checkin_every_days AS "checkinEveryDays", status`;

export interface CheckinRow {
  onDate: string;
  note: string;
  objectivesMet: number[];
}
