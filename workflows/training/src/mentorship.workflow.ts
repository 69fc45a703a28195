/**
 * One workflow per mentoring pair (TRAIN-9), id `training-mentorship:<id>`, started after the plan
 * commits: whenever `checkinEveryDays` pass without a check-in, the street is reminded (the
 * activity reads the check-ins: a pair that checked in meanwhile gets no reminder, and the next
 * point is counted from its latest check-in). On the plan's last day the pair is closed with the
 * objectives met. One timer and one activity per period; a pair lasts a year or two.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { MentorshipInput, MentorshipOutcome } from '@cwp/contracts';
import type { MentorshipActivities } from './activities';

const DAY_MS = 24 * 60 * 60 * 1000;

const acts = proxyActivities<MentorshipActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const epoch = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export async function mentorshipWorkflow(input: MentorshipInput): Promise<MentorshipOutcome> {
  const { mentorshipId } = input;
  const endAt = epoch(input.endsOn);
  let reminders = 0;
  let from = epoch(input.startsOn);
  for (;;) {
    const dueAt = from + input.checkinEveryDays * DAY_MS;
    if (dueAt >= endAt) break;
    if (dueAt > Date.now()) await sleep(dueAt - Date.now());
    const r = await acts.remindMentorship({ mentorshipId, since: isoDate(from), dueBy: isoDate(dueAt) });
    if (r.reminded) reminders++;
    // The next period runs from the latest check-in, or from this point when there was none.
    from = r.lastCheckin && epoch(r.lastCheckin) > from ? epoch(r.lastCheckin) : dueAt;
  }
  if (endAt > Date.now()) await sleep(endAt - Date.now());
  const { objectivesMet } = await acts.closeMentorship({ mentorshipId });
  return { mentorshipId, reminders, objectivesMet };
}
