import { ExplanationBuilder, type Decision } from '../explain/explanation';
import type { Grade } from '../parameters/policy-version';

export type EntryRoute = 'elected' | 'recruited';

export type AppraisalAction =
  | 'none'
  /** APPR-5: first unqualified year. */
  | 'admonishment-talk'
  /** APPR-5 + EXIT-3 cause 1: a recruited worker's contract may be ended. */
  | 'contract-termination-route'
  /** APPR-5 + EXIT-2: an elected worker is adjusted or persuaded to leave; exit only by law. */
  | 'organisational-adjustment-or-persuasion';

export interface AppraisalConsequence {
  readonly action: AppraisalAction;
  readonly admonishment: boolean;
  readonly consecutiveUnqualified: boolean;
  /** EXIT-3 cause 1 established (recruited workers only). */
  readonly exitCause?: 'unqualified-two-years';
}

/**
 * APPR-5 (and ORG-3, EXIT-2, EXIT-3): what a grade leads to given last year's grade. Unqualified
 * → admonishment talk; unqualified again the next year → for a recruited worker the EXIT-3 cause 1
 * route, for an elected worker organisational adjustment or persuasion (EXIT-2: the contract
 * ends only on a cause the law provides). `previousGrade` is the immediately preceding year's
 * grade, or absent when there is none (first year, or a gap year, which breaks the sequence).
 */
export function appraisalConsequence(input: {
  grade: Grade;
  previousGrade?: Grade;
  entryRoute: EntryRoute;
}): Decision<AppraisalConsequence> {
  const ex = new ExplanationBuilder({ ...input });
  if (input.grade !== 'unqualified') {
    ex.step('APPR-5', `Grade ${input.grade}: no consequence`, 'none');
    return ex.decide({ action: 'none', admonishment: false, consecutiveUnqualified: false });
  }
  if (input.previousGrade !== 'unqualified') {
    ex.step('APPR-5', 'Unqualified: admonishment talk (诫勉谈话)', 'admonishment-talk');
    return ex.decide({ action: 'admonishment-talk', admonishment: true, consecutiveUnqualified: false });
  }
  ex.step('APPR-5', 'Unqualified two years in a row', true).cite('ORG-3');
  if (input.entryRoute === 'recruited') {
    ex.step(
      'EXIT-3',
      'Recruited worker: cause 1 (unqualified two years in a row) establishes the contract-termination route',
      'unqualified-two-years',
    );
    return ex.decide({
      action: 'contract-termination-route',
      admonishment: true,
      consecutiveUnqualified: true,
      exitCause: 'unqualified-two-years',
    });
  }
  ex.step(
    'EXIT-2',
    'Elected worker: organisational adjustment or persuasion to leave; the contract ends only on a cause provided by law',
    'organisational-adjustment-or-persuasion',
  );
  return ex.decide({ action: 'organisational-adjustment-or-persuasion', admonishment: true, consecutiveUnqualified: true });
}
