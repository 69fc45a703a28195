import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, type Principal } from '@cwp/platform';

/** The audit entity of a recalibration (written here by a re-opening, and by the recalibration feature). */
export const RECALIBRATION_ENTITY = 'PayRecalibration';

/** A recalibration the corrected wage re-opened: its pay year, the round its next apply will be, and why. */
export interface ReopenedRecalibration {
  payYear: number;
  applyRound: number;
  wageYear: number;
  wageRevision: number;
  reason: string;
}

/** What a correction did to the recalibrations computed on its wage. */
export interface CorrectionEffect {
  /** Applied years, open again now. */
  reopened: ReopenedRecalibration[];
  /** Years approved or applying: re-opened when their apply finishes. */
  deferred: number[];
}

// One re-opening, whichever path: open again, a new round, the approval and progress cleared.
const REOPEN = `status = 'open', apply_round = apply_round + 1, preview_id = NULL, approved_by = NULL, approved_at = NULL,
       apply_total = 0, apply_done = 0, apply_started_at = NULL, applied_at = NULL, reopened_at = now(), updated_at = now()`;
const REOPENED = `pay_year AS "payYear", apply_round AS "applyRound", reference_wage_year AS "wageYear",
       reopened_for_revision AS "wageRevision", reopened_reason AS reason`;

/**
 * PAY-3: a wage corrected after the recalibration computed on it was applied re-opens that
 * recalibration, in the correction's transaction: the year is open again (a new preview and a new
 * approval, never a silent overwrite), its apply counts from zero in the next round, and the
 * reason and the wage revision are kept on the row. Once re-applied, the back-dated difference of
 * the months already paid is settled as arrears lines by the next monthly run (payruns/).
 *
 * A year approved or applying is not stopped half-way (its approved figures go out whole, so no
 * worker is left on a different round from his unit's): the correction is kept on the row and
 * re-opens the year in the transaction that finishes the apply (`reopenDeferred`). A year still
 * previewed or awaiting approval needs neither: the signal rebuilds its preview.
 */
@Injectable()
export class RecalibrationReopener {
  constructor(private readonly audit: AuditTrail) {}

  async reopen(em: EntityManager, wageYear: number, wageRevision: number, reason: string): Promise<CorrectionEffect> {
    const [reopened] = (await em.query(
      `UPDATE recalibrations SET ${REOPEN}, reopened_for_revision = $2, reopened_reason = $3
        WHERE reference_wage_year = $1 AND status = 'applied' RETURNING ${REOPENED}`,
      [wageYear, wageRevision, reason],
    )) as [ReopenedRecalibration[], number];
    const [deferred] = (await em.query(
      `UPDATE recalibrations SET reopen_pending_revision = $2, reopen_pending_reason = $3, updated_at = now()
        WHERE reference_wage_year = $1 AND status IN ('approved', 'applying') RETURNING pay_year AS "payYear"`,
      [wageYear, wageRevision, reason],
    )) as [Array<{ payYear: number }>, number];
    return { reopened, deferred: deferred.map((d) => d.payYear) };
  }

  /** In the apply's finishing transaction: the correction kept while it ran re-opens the year now. */
  async reopenDeferred(em: EntityManager, payYear: number): Promise<ReopenedRecalibration | undefined> {
    const [rows] = (await em.query(
      `UPDATE recalibrations SET ${REOPEN}, reopened_for_revision = reopen_pending_revision, reopened_reason = reopen_pending_reason,
              reopen_pending_revision = NULL, reopen_pending_reason = NULL
        WHERE pay_year = $1 AND status = 'applied' AND reopen_pending_revision IS NOT NULL RETURNING ${REOPENED}`,
      [payYear],
    )) as [ReopenedRecalibration[], number];
    return rows[0];
  }

  /** The re-opening is audited against the recalibration, with the correction that caused it. */
  recordReopen(em: EntityManager, r: ReopenedRecalibration, principal: Principal): Promise<void> {
    return this.audit.record(
      em,
      {
        action: 'reopen',
        entity: RECALIBRATION_ENTITY,
        entityId: String(r.payYear),
        before: { status: 'applied', applyRound: r.applyRound - 1 },
        after: { status: 'open', applyRound: r.applyRound, wageYear: r.wageYear, wageRevision: r.wageRevision, reason: r.reason },
      },
      principal,
    );
  }

  /** A correction kept until the apply ends is audited when it is kept (and again when it re-opens). */
  recordDeferred(
    em: EntityManager,
    payYear: number,
    wageYear: number,
    wageRevision: number,
    reason: string,
    principal: Principal,
  ): Promise<void> {
    return this.audit.record(
      em,
      {
        action: 'reopen-deferred',
        entity: RECALIBRATION_ENTITY,
        entityId: String(payYear),
        before: {},
        after: { reopenPending: { wageYear, wageRevision, reason } },
      },
      principal,
    );
  }
}
