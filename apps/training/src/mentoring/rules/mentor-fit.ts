import { wholeYearsBetween } from '@cwp/policy';

export interface MentorFit {
  ok: boolean;
  field?: 'mentorId' | 'menteeId';
  reason: string;
  mentorYears: number;
  menteeYears: number;
}

/**
 * TRAIN-9 (传帮带): an experienced worker passes skills to a young one. The mentor must have
 * reached TRAIN-2's qualified milestone (`qualifiedAfterYears` of service) and have served longer
 * than the mentee; a worker does not mentor themselves.
 */
export function mentorFit(
  mentor: { workerId: string; hiredOn: string },
  mentee: { workerId: string; hiredOn: string },
  on: string,
  qualifiedAfterYears: number,
): MentorFit {
  const mentorYears = Math.max(0, wholeYearsBetween(mentor.hiredOn, on));
  const menteeYears = Math.max(0, wholeYearsBetween(mentee.hiredOn, on));
  const base = { mentorYears, menteeYears };
  if (mentor.workerId === mentee.workerId) return { ok: false, field: 'menteeId', reason: 'a worker cannot mentor themselves', ...base };
  if (mentorYears < qualifiedAfterYears)
    return {
      ok: false,
      field: 'mentorId',
      reason: `the mentor has ${mentorYears} years of service; TRAIN-9 needs an experienced worker (≥ ${qualifiedAfterYears}, TRAIN-2)`,
      ...base,
    };
  if (mentor.hiredOn >= mentee.hiredOn)
    return { ok: false, field: 'mentorId', reason: 'the mentor must have served longer than the mentee', ...base };
  return { ok: true, reason: `mentor ${mentorYears} years, mentee ${menteeYears} years`, ...base };
}
