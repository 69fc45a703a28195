import type { PhaseDeadline, TimedPhase } from '@cwp/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CampaignDates {
  registrationClosesOn: string;
  internshipStartsOn: string;
  internshipEndsOn: string;
  writtenExamOn: string;
  interviewOn: string;
  publicityDays: number;
}

/** The first instant of the day after `date` in Shanghai (UTC+8, no daylight saving). */
export function endOfDayShanghai(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS);
  return next.toISOString();
}

/**
 * When each timed phase of a campaign ends (unless an operator closes it first): registration at
 * the end of its window, screening when the internship starts, the internship at the end of its
 * period, the written exam and the interview at the end of their days; the assessment lasts
 * `assessmentDays` and publicity its REC-7 length from their start. `phaseSeconds` > 0 (tests,
 * benches) makes every phase that many seconds long.
 */
export function phaseDeadlines(dates: CampaignDates, assessmentDays: number, phaseSeconds: number): Record<TimedPhase, PhaseDeadline> {
  if (phaseSeconds > 0) {
    const short = { afterMs: phaseSeconds * 1000 };
    return {
      registration: short,
      screening: short,
      internship: short,
      'written-exam': short,
      interview: short,
      assessment: short,
      publicity: short,
    };
  }
  return {
    registration: { at: endOfDayShanghai(dates.registrationClosesOn) },
    screening: { at: new Date(Date.parse(`${dates.internshipStartsOn}T00:00:00+08:00`)).toISOString() },
    internship: { at: endOfDayShanghai(dates.internshipEndsOn) },
    'written-exam': { at: endOfDayShanghai(dates.writtenExamOn) },
    interview: { at: endOfDayShanghai(dates.interviewOn) },
    assessment: { afterMs: assessmentDays * DAY_MS },
    publicity: { afterMs: dates.publicityDays * DAY_MS },
  };
}
