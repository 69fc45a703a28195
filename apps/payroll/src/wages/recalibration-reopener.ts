import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The audit entity of a recalibration (the recalibration feature's `RECALIBRATION_ENTITY`). */
export const RECALIBRATION_ENTITY = 'PayRecalibration';

/** A recalibration the corrected wage re-opened: its pay year and the round its next apply will be. */
export interface ReopenedRecalibration {
  payYear: number;
  applyRound: number;
}

/**
 * PAY-3: a wage corrected after the recalibration computed on it was applied re-opens that
 * recalibration, in the correction's transaction: the year is open again (a new preview and a new
 * approval, never a silent overwrite), its apply counts from zero in the next round, and the
 * reason and the wage revision are kept on the row. Once re-applied, the back-dated difference of
 * the months already paid is settled as arrears lines by the next monthly run (payruns/). A year
 * still previewed or awaiting approval needs no re-opening: the signal rebuilds its preview.
 */
@Injectable()
export class RecalibrationReopener {
  async reopen(em: EntityManager, wageYear: number, wageRevision: number, reason: string): Promise<ReopenedRecalibration[]> {
    const result = (await em.query(
      `UPDATE recalibrations SET status = 'open', apply_round = apply_round + 1, preview_id = NULL, approved_by = NULL, approved_at = NULL,
              apply_total = 0, apply_done = 0, apply_started_at = NULL, applied_at = NULL,
              reopened_for_revision = $2, reopened_reason = $3, reopened_at = now(), updated_at = now()
        WHERE reference_wage_year = $1 AND status = 'applied'
        RETURNING pay_year AS "payYear", apply_round AS "applyRound"`,
      [wageYear, wageRevision, reason],
    )) as [ReopenedRecalibration[], number];
    return result[0];
  }
}
