import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import type { EntryRoute } from '../appraisal/consequence';
import { GRADES, type Grade } from '../parameters/policy-version';

/** EXIT-3: the five causes, a closed set (numbered as in the rule). */
export const EXIT_CAUSES = [
  'unqualified-two-years',
  'serious-breach',
  'uncorrected-duty-failure',
  'serious-dereliction',
  'unable-after-training',
] as const;
export type ExitCause = (typeof EXIT_CAUSES)[number];

export const EXIT_CAUSE_TITLES: Readonly<Record<ExitCause, { readonly en: string; readonly zh: string }>> = {
  'unqualified-two-years': { en: '(1) unqualified appraisal two years in a row', zh: '连续两年考核不合格' },
  'serious-breach': {
    en: '(2) serious breach of community management rules, or disciplinary or illegal acts',
    zh: '严重违反社区管理制度或有其他违纪违法行为',
  },
  'uncorrected-duty-failure': {
    en: '(3) failing contractual duties and not correcting after education',
    zh: '不履行合同义务且经教育不改正',
  },
  'serious-dereliction': { en: '(4) serious dereliction or favouritism causing major harm', zh: '严重失职、营私舞弊，造成重大损害' },
  'unable-after-training': { en: '(5) unable to do the job even after training or a change of post', zh: '经培训或调整岗位仍不能胜任工作' },
};

export interface ExitFacts {
  readonly entryRoute: EntryRoute;
  /** Yearly grades, any order; consecutive calendar years are checked. */
  readonly appraisals?: readonly { readonly year: number; readonly grade: Grade }[];
  /** Cause 2, as found by the employer's procedure. */
  readonly seriousBreach?: boolean;
  /** Cause 3 needs both: the duty failure and no correction after education. */
  readonly dutyFailure?: boolean;
  readonly correctedAfterEducation?: boolean;
  /** Cause 4 needs both: serious dereliction or favouritism, and major harm to employer and residents. */
  readonly seriousDereliction?: boolean;
  readonly majorHarm?: boolean;
  /** Cause 5 needs both: unable to do the job, after training or a change of post. */
  readonly unableToDoJob?: boolean;
  readonly afterTrainingOrPostChange?: boolean;
  /** Any other cause national or city law provides (EXIT-2/EXIT-3), as a citation. */
  readonly statutoryCause?: string;
}

export interface ExitAssessment {
  /** EXIT-3 causes the facts establish (recruited workers). */
  readonly causes: readonly ExitCause[];
  /** What may follow: EXIT-3 contract termination, EXIT-2 exit by law, APPR-5 adjustment, or nothing. */
  readonly route: 'contract-termination' | 'exit-by-law' | 'organisational-adjustment' | 'none';
}

/**
 * EXIT-2 and EXIT-3 (ORG-3 decides which applies): which exit causes a set of facts establishes.
 * A cause is established only when every element is a fact (e.g. a duty failure alone is not
 * cause 3 without "not corrected after education"). Elected workers are not subject to the five
 * causes: they leave only on a cause provided by law (EXIT-2); two unqualified years lead them to
 * organisational adjustment (APPR-5).
 */
export function assessExitCauses(facts: ExitFacts): Decision<ExitAssessment> {
  const ex = new ExplanationBuilder({ ...facts }).cite('ORG-3');
  const grades = new Map<number, Grade>();
  (facts.appraisals ?? []).forEach((a, i) => {
    if (!GRADES.includes(a.grade)) throw invalidInput(`appraisals[${i}].grade`, `must be one of ${GRADES.join(', ')}`, 'APPR-2');
    if (grades.has(a.year)) throw invalidInput(`appraisals[${i}].year`, `${a.year} appears twice`, 'APPR-5');
    grades.set(a.year, a.grade);
  });
  const twoInARow = [...grades.keys()].some((y) => grades.get(y) === 'unqualified' && grades.get(y + 1) === 'unqualified');

  const found: ExitCause[] = [];
  if (twoInARow) found.push('unqualified-two-years');
  if (facts.seriousBreach) found.push('serious-breach');
  if (facts.dutyFailure && facts.correctedAfterEducation === false) found.push('uncorrected-duty-failure');
  if (facts.seriousDereliction && facts.majorHarm) found.push('serious-dereliction');
  if (facts.unableToDoJob && facts.afterTrainingOrPostChange) found.push('unable-after-training');
  const partial = [
    facts.dutyFailure && facts.correctedAfterEducation !== false ? 'a duty failure without "not corrected after education"' : null,
    facts.seriousDereliction && !facts.majorHarm ? 'dereliction without major harm' : null,
    facts.unableToDoJob && !facts.afterTrainingOrPostChange ? 'inability before training or a change of post' : null,
  ].filter((s): s is string => s !== null);

  if (facts.entryRoute === 'elected') {
    if (facts.statutoryCause) {
      ex.step('EXIT-2', `Elected worker: leaves on a cause provided by law (${facts.statutoryCause})`, 'exit-by-law');
      return ex.decide({ causes: [], route: 'exit-by-law' });
    }
    if (twoInARow) {
      ex.step(
        'APPR-5',
        'Elected worker unqualified two years in a row: organisational adjustment or persuasion, not EXIT-3',
        'organisational-adjustment',
      );
      return ex.decide({ causes: [], route: 'organisational-adjustment' });
    }
    ex.step('EXIT-2', 'Elected worker: the five EXIT-3 causes do not apply and no legal cause is given', 'none');
    return ex.decide({ causes: [], route: 'none' });
  }
  if (twoInARow) ex.cite('APPR-5');
  for (const c of found) ex.step('EXIT-3', `Cause ${EXIT_CAUSE_TITLES[c].en} is established`, c);
  if (partial.length > 0) ex.step('EXIT-3', `Not a cause: ${partial.join('; ')}`);
  if (facts.statutoryCause) ex.step('EXIT-3', `Cause provided by law: ${facts.statutoryCause}`);
  const route = found.length > 0 || facts.statutoryCause ? 'contract-termination' : 'none';
  if (route === 'none') ex.step('EXIT-3', 'No cause established', 'none');
  return ex.decide({ causes: found, route });
}
