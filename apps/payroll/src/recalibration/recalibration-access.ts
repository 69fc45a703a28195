import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, scopeOf, type Principal } from '@cwp/platform';
import { PayWorkerAccess, type PayWorkerRow } from '../workers';

/**
 * Who may do what with a recalibration, deny by default: the city approves, sets the multiplier,
 * starts and asks what-if; every operator reads the summary and the budget of its own subtree
 * (PAY-8); a worker's line is visible only within scope (404 and audited otherwise).
 */
@Injectable()
export class RecalibrationAccess {
  constructor(private readonly workers: PayWorkerAccess) {}

  assertCity(principal: Principal, what: string): void {
    if (principal.role !== 'city') throw new DomainError(ErrorCode.FORBIDDEN, `Only city operators ${what} (PAY-3)`);
  }

  /** The unit-code prefix a budget query is limited to. */
  budgetScope(principal: Principal): string {
    return scopeOf(principal);
  }

  worker(workerId: string, principal: Principal): Promise<PayWorkerRow> {
    return this.workers.visible(workerId, principal, 'read-recalibration');
  }
}
