import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, POLICY_CATALOG } from '@cwp/platform';
import type { WorkerTitle } from '@cwp/contracts';
import { checkTitlePromotion, nextTitle, type Decision, type PolicyCatalog, type TitlePromotionCheck } from '@cwp/policy';
import { titleStructureExceeded, titleStructureUnitOf } from './rules/title-structure-unit';
import { WorkerRepository } from './worker.repository';
import type { WorkerRow } from './worker.row';

/**
 * PROM-1 (one step up junior → intermediate → senior) and PROM-3 (the street's 4:4:2 structure
 * within the tolerance of the parameter version in force) for a title raise. Runs inside the
 * promotion's transaction: the street's counts are read under a transaction-level advisory lock,
 * so concurrent promotions in one street are checked one after the other.
 */
@Injectable()
export class TitleStructureGuard {
  constructor(
    private readonly repository: WorkerRepository,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
  ) {}

  async check(
    em: EntityManager,
    worker: WorkerRow,
    to: WorkerTitle,
    today: string,
    field = 'toTitle',
  ): Promise<Decision<TitlePromotionCheck>> {
    const from = worker.title;
    if (from === null) {
      throw new DomainError(
        ErrorCode.BUSINESS_RULE_VIOLATED,
        `Worker holds no title yet: a first title is junior, recorded with PATCH (PROM-1, POST-3)`,
        {
          field,
          details: { rule: 'PROM-1', reason: 'NO_TITLE_TO_PROMOTE_FROM' },
        },
      );
    }
    const next = nextTitle(from);
    if (next.value.next !== to) {
      throw new DomainError(
        ErrorCode.BUSINESS_RULE_VIOLATED,
        next.value.next === null
          ? `${from} is the highest title (PROM-1)`
          : `A title promotion goes one step at a time: ${from} → ${next.value.next}, not ${to} (PROM-1)`,
        { field, details: { rule: 'PROM-1', reason: 'NOT_NEXT_TITLE', from, next: next.value.next, explanation: next.explanation } },
      );
    }
    const street = titleStructureUnitOf(worker.unitCode);
    const counts = await this.repository.lockTitleCounts(em, street);
    const policy = this.catalog.inForce(today);
    const decision = checkTitlePromotion(policy, counts, from, to);
    if (!decision.value.allowed) {
      const refusal = titleStructureExceeded(street, decision, counts, policy.promotion.tolerance);
      throw field === 'toTitle'
        ? refusal
        : new DomainError(refusal.code, refusal.message, { field, ...(refusal.details ? { details: refusal.details } : {}) });
    }
    return decision;
  }
}
