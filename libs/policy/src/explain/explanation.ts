import { RULES, type RuleId } from './rules';

/** A cited rule with its titles, so an API can show it without another lookup. */
export interface RuleRef {
  readonly id: RuleId;
  readonly titleEn: string;
  readonly titleZh: string;
}

/** One step of a computation: which rule it applied, what it did, and the figure it produced. */
export interface ExplanationStep {
  readonly rule: RuleId;
  readonly say: string;
  readonly value?: unknown;
}

/**
 * Why a decision came out as it did. Plain JSON (no Dates, no classes, no undefined-only fields)
 * so that API responses, events and Temporal workflow results can carry it unchanged.
 */
export interface Explanation {
  readonly rules: readonly RuleRef[];
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly steps: readonly ExplanationStep[];
  /** Id of the policy parameter version used, when the decision read parameters. */
  readonly policyVersion?: string;
}

/** A figure together with its explanation. */
export interface Decision<T> {
  readonly value: T;
  readonly explanation: Explanation;
}

export function ruleRef(id: RuleId): RuleRef {
  return { id, titleEn: RULES[id].titleEn, titleZh: RULES[id].titleZh };
}

/**
 * Collects steps while a decision is computed; the cited rules are derived from the steps (in
 * first-use order) plus any named up front, so an explanation can never cite a rule it did not use
 * silently, nor use one it does not cite.
 */
export class ExplanationBuilder {
  private readonly cited: RuleId[] = [];
  private readonly stepList: ExplanationStep[] = [];

  constructor(
    private readonly inputs: Record<string, unknown>,
    private readonly policyVersion?: string,
  ) {}

  cite(...rules: RuleId[]): this {
    for (const r of rules) if (!this.cited.includes(r)) this.cited.push(r);
    return this;
  }

  step(rule: RuleId, say: string, value?: unknown): this {
    this.cite(rule);
    this.stepList.push(value === undefined ? { rule, say } : { rule, say, value });
    return this;
  }

  /** Takes over the rules and steps of a sub-decision, so a composed decision explains all of it. */
  absorb(explanation: Explanation): this {
    this.cite(...explanation.rules.map((r) => r.id));
    for (const s of explanation.steps) this.stepList.push(s);
    return this;
  }

  build(): Explanation {
    const base = { rules: this.cited.map(ruleRef), inputs: { ...this.inputs }, steps: [...this.stepList] };
    return this.policyVersion === undefined ? base : { ...base, policyVersion: this.policyVersion };
  }

  decide<T>(value: T): Decision<T> {
    return { value, explanation: this.build() };
  }
}
