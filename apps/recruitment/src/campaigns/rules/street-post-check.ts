import { ExplanationBuilder, type Decision } from '@cwp/policy';

export interface StreetPostFigures {
  streetCode: string;
  /** The campaign's phase: streets add their own posts while registration is open. */
  phase: string;
  requested: number;
  /** The street's vacancies as the workforce service last published them. */
  vacancies: number;
  /** Posts every running campaign (this one included) already plans on the street. */
  plannedRunning: number;
}

/**
 * REC-3 (街道自主选拔权): a street adds street-selected posts to its district's campaign, inside
 * the standard procedure: only while registration is open (the same screening, internship, exams
 * and publicity follow), and only within its own vacancies less what running campaigns already
 * plan there. The decision explains the figures either way.
 */
export function checkStreetPost(f: StreetPostFigures): Decision<{ allowed: boolean; room: number; problem: 'phase' | 'vacancies' | null }> {
  const room = Math.max(0, f.vacancies - f.plannedRunning);
  const why = new ExplanationBuilder({ ...f })
    .step('REC-3', `Street ${f.streetCode} selects within the standard procedure: posts are added while registration is open`, f.phase)
    .step('REC-3', `Room on the street: ${f.vacancies} vacancies − ${f.plannedRunning} posts planned by running campaigns = ${room}`, room);
  if (f.phase !== 'registration') return why.decide({ allowed: false, room, problem: 'phase' });
  if (f.requested > room) {
    why.step('REC-3', `${f.requested} street-selected posts asked exceed the room of ${room}`, false);
    return why.decide({ allowed: false, room, problem: 'vacancies' });
  }
  why.step('REC-3', `${f.requested} street-selected posts fit the room of ${room}`, true);
  return why.decide({ allowed: true, room, problem: null });
}
