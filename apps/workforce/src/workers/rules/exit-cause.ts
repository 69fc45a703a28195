import { DomainError, ErrorCode } from '@cwp/platform';
import { EXIT3_CAUSES, type EntryRoute, type WorkerExitCause } from '@cwp/contracts';
import {
  assessExitCauses,
  EXIT_CAUSE_TITLES,
  ExplanationBuilder,
  PolicyError,
  type ExitFacts,
  type Explanation,
  type RuleId,
} from '@cwp/policy';

/**
 * Which exit causes fit which entry route (ORG-3 decides):
 * - recruited: EXIT-3's five causes, or a cause provided by law (EXIT-3's tail);
 * - elected: a cause provided by law (EXIT-2), or not returned at re-election (EXIT-1).
 */
export const EXIT_CAUSES_BY_ROUTE: Readonly<Record<EntryRoute, readonly WorkerExitCause[]>> = {
  recruited: [...EXIT3_CAUSES, 'law'],
  elected: ['law', 're-election-not-returned'],
};

/** Facts an operator may give with an exit; everything but the legal citation is a yes/no finding. */
export type ExitFactsInput = Omit<ExitFacts, 'entryRoute'>;

export interface FittedExit {
  cause: WorkerExitCause;
  /** Rule IDs cited by the explanation, e.g. ["ORG-3", "EXIT-3"]. */
  rules: RuleId[];
  explanation: Explanation;
}

const isExit3Cause = (cause: WorkerExitCause): cause is (typeof EXIT3_CAUSES)[number] =>
  (EXIT3_CAUSES as readonly string[]).includes(cause);

/**
 * Checks that `cause` fits the worker's entry route and, when facts are given, that they establish
 * it (@cwp/policy assessExitCauses: e.g. cause 3 needs the duty failure AND no correction after
 * education). Without facts the cause stands as the employer's procedure found it. Throws a
 * DomainError naming the field: `cause` (422: wrong route), `facts` (422: not established),
 * `facts.statutoryCause` (400: a legal exit needs its citation).
 */
export function fitExitCause(entryRoute: EntryRoute, cause: WorkerExitCause, facts?: ExitFactsInput): FittedExit {
  const allowed = EXIT_CAUSES_BY_ROUTE[entryRoute];
  const routeRule: RuleId = entryRoute === 'elected' ? 'EXIT-2' : 'EXIT-3';
  if (!allowed.includes(cause)) {
    throw new DomainError(
      ErrorCode.BUSINESS_RULE_VIOLATED,
      `cause ${cause} does not apply to a${entryRoute === 'elected' ? 'n elected' : ' recruited'} worker (ORG-3, ${routeRule}); allowed: ${allowed.join(', ')}`,
      { field: 'cause', details: { rule: routeRule, reason: 'EXIT_CAUSE_NOT_FOR_ENTRY_ROUTE', entryRoute, allowedCauses: allowed } },
    );
  }
  if (cause === 'law' && !facts?.statutoryCause?.trim()) {
    throw DomainError.validation(
      'facts.statutoryCause',
      `An exit on a cause provided by law names that cause (${routeRule}): facts.statutoryCause is required`,
    );
  }
  if (cause === 're-election-not-returned') return reElection(facts);
  if (cause === 'law' || facts) return assessed(entryRoute, cause, facts ?? {});
  return declared(entryRoute, cause);
}

function assessed(entryRoute: EntryRoute, cause: WorkerExitCause, facts: ExitFactsInput): FittedExit {
  let decision: ReturnType<typeof assessExitCauses>;
  try {
    decision = assessExitCauses({ ...facts, entryRoute });
  } catch (error) {
    if (error instanceof PolicyError) throw DomainError.validation(`facts.${error.field}`, error.message);
    throw error;
  }
  const established =
    cause === 'law'
      ? decision.value.route === 'exit-by-law' || decision.value.route === 'contract-termination'
      : isExit3Cause(cause) && decision.value.causes.includes(cause);
  if (!established) {
    throw new DomainError(
      ErrorCode.BUSINESS_RULE_VIOLATED,
      `The facts given do not establish cause ${cause} (EXIT-3): ${lastSay(decision.explanation)}`,
      {
        field: 'facts',
        details: {
          rule: 'EXIT-3',
          reason: 'EXIT_CAUSE_NOT_ESTABLISHED',
          established: decision.value.causes,
          explanation: decision.explanation,
        },
      },
    );
  }
  return { cause, rules: decision.explanation.rules.map((r) => r.id), explanation: decision.explanation };
}

function declared(entryRoute: EntryRoute, cause: WorkerExitCause): FittedExit {
  const title = isExit3Cause(cause) ? EXIT_CAUSE_TITLES[cause].en : cause;
  const explanation = new ExplanationBuilder({ entryRoute, cause })
    .cite('ORG-3')
    .step('EXIT-3', `Recruited worker: contract ended for cause ${title}, as found by the employer's procedure (no facts given)`, cause)
    .build();
  return { cause, rules: explanation.rules.map((r) => r.id), explanation };
}

function reElection(facts?: ExitFactsInput): FittedExit {
  const explanation = new ExplanationBuilder({ entryRoute: 'elected', cause: 're-election-not-returned', ...(facts ?? {}) })
    .cite('ORG-3')
    .step(
      'EXIT-1',
      "Elected worker not returned at the residents' committee re-election (residents' review, democratic election, organisational assessment)",
      're-election-not-returned',
    )
    .step('EXIT-1', 'Older workers not re-elected are to be placed in other suitable posts')
    .build();
  return { cause: 're-election-not-returned', rules: explanation.rules.map((r) => r.id), explanation };
}

function lastSay(explanation: Explanation): string {
  return explanation.steps.at(-1)?.say ?? 'no cause established';
}
