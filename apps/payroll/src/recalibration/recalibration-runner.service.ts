import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, OutboxWriter, SYSTEM_PRINCIPAL, type Principal, type PreparedEvents } from '@cwp/platform';
import {
  payRecalibratedContract,
  recalibrationAppliedContract,
  type PayRecalibratedData,
  type RecalibrationPreviewSummary,
  type RecalibrationProgress,
} from '@cwp/contracts';
import { recalibrateGroups, referenceWageYear, type GroupedRecalibration, type PolicyVersion } from '@cwp/policy';
import { decide, payrollError } from '../core';
import { PolicyCatalogSource } from '../policy-versions';
import { RECALIBRATION_ENTITY, RecalibrationReopener, WageRepository } from '../wages';
import type { OpenRecalibrationResult, ReferenceWageFound } from '@cwp/payroll-workflows';
import { RecalibrationRepository, type AppliedChunk } from './recalibration.repository';
import type { RecalibrationRow } from './recalibration.row';
import { recalibrationProgress } from './rules/progress';

export interface ApplyOptions {
  chunkSize: number;
  maxChunks: number;
  /** Called after each committed chunk with the number applied so far (Temporal heartbeat). */
  heartbeat?: (done: number) => void;
}

/**
 * PAY-3 use cases behind the workflow's activities: open the year, find the reference wage, build
 * the preview (set-based SQL + libs/policy), approve, apply in chunks, finish. Each is idempotent
 * by business key (pay year, preview id, worker id), so Temporal may retry any of them.
 */
@Injectable()
export class RecalibrationRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecalibrationRepository,
    private readonly wages: WageRepository,
    private readonly catalogs: PolicyCatalogSource,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly reopener: RecalibrationReopener,
  ) {}

  async open(payYear: number): Promise<OpenRecalibrationResult> {
    const row = await this.dataSource.transaction((em) => this.repository.open(em, payYear));
    // A preview of an earlier run is rebuilt (its inputs may have changed while nobody waited).
    const status = row.status === 'previewed' ? 'open' : row.status;
    return { status, previewId: row.previewId };
  }

  /** The version in force on 1 January of the pay year and the wage year it refers to (PAY-1/PAY-3). */
  async policyFor(payYear: number): Promise<PolicyVersion> {
    const catalog = await this.catalogs.catalog();
    return decide(() => catalog.inForce(`${payYear}-01-01`), { dateField: 'year' });
  }

  async findReferenceWage(payYear: number): Promise<ReferenceWageFound | null> {
    const policy = await this.policyFor(payYear);
    const wage = await this.wages.find(referenceWageYear(policy, payYear));
    return wage ? { year: wage.year, annualFen: wage.annualFen, revision: wage.revision } : null;
  }

  /** The computation shared by the preview and the what-if: groups from SQL, figures from libs/policy. */
  async compute(
    payYear: number,
    options: { policy?: PolicyVersion; multiplier?: number; wageFen?: number } = {},
  ): Promise<{ policy: PolicyVersion; decision: ReturnType<typeof recalibrateGroups>; wageRevision: number; wageFen: number }> {
    const policy = options.policy ?? (await this.policyFor(payYear));
    const wageYear = referenceWageYear(policy, payYear);
    const wage = await this.wages.find(wageYear);
    if (!wage && options.wageFen === undefined)
      throw payrollError('RECALIBRATION_STATE', `The city average wage of ${wageYear} is not published yet (PAY-3)`, {
        field: 'referenceWage',
        details: { rule: 'PAY-3', wageYear },
      });
    const groups = await this.repository.payGroups(`${payYear}-01-01`);
    const wageFen = options.wageFen ?? wage!.annualFen;
    const decision = decide(() =>
      recalibrateGroups(policy, {
        payYear,
        referenceWage: { year: wageYear, annualFen: wageFen },
        groups,
        ...(options.multiplier !== undefined ? { multiplier: options.multiplier } : {}),
      }),
    );
    return { policy, decision, wageRevision: wage?.revision ?? 0, wageFen };
  }

  async buildPreview(payYear: number): Promise<RecalibrationPreviewSummary> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repository.find(payYear, em, true);
      if (!row) throw DomainError.notFound(RECALIBRATION_ENTITY, String(payYear));
      if (row.status !== 'open' && row.status !== 'previewed')
        throw payrollError('RECALIBRATION_STATE', `The recalibration of ${payYear} is ${row.status}; its preview can no longer change`);
      const { policy, decision, wageRevision, wageFen } = await this.compute(
        payYear,
        row.multiplier === null ? {} : { multiplier: row.multiplier },
      );
      const totals = await this.repository.writePreview(em, payYear, `${payYear}-01-01`, decision.value.groups);
      const summary = this.summary(randomUUID(), policy, decision.value, wageFen, totals);
      await this.repository.markPreviewed(em, {
        payYear,
        previewId: summary.previewId,
        wageRevision,
        multiplierRevision: row.multiplierRevision,
        policyVersion: policy.id,
        referenceWageYear: summary.referenceWageYear,
        summary,
        explanation: decision.explanation,
      });
      return summary;
    });
  }

  async approve(payYear: number, previewId: string, by: Principal): Promise<RecalibrationPreviewSummary> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repository.find(payYear, em, true);
      if (!row) throw DomainError.notFound(RECALIBRATION_ENTITY, String(payYear));
      // A retried activity finds its own approval: same answer, nothing written twice.
      if (row.previewId === previewId && row.status !== 'open' && row.status !== 'previewed') return row.summary!;
      if (!(await this.repository.approve(em, payYear, previewId, by.sub))) {
        throw payrollError(
          'PREVIEW_STALE',
          `Preview ${previewId} of ${payYear} is stale: the wage or the multiplier changed since it was built (PAY-3)`,
          { field: 'previewId', details: { current: row.previewId } },
        );
      }
      await this.audit.record(
        em,
        {
          action: 'approve',
          entity: RECALIBRATION_ENTITY,
          entityId: String(payYear),
          before: { status: row.status },
          after: { status: 'approved', previewId, totalFen: row.summary?.totalFen ?? null },
        },
        by,
      );
      return row.summary!;
    });
  }

  /**
   * Applies up to `maxChunks` chunks, each ONE transaction of two statements: the chunk's lines,
   * pay rows, pay-change records and progress in one set-based statement, and the chunk's events
   * in one multi-row outbox insert. The next chunk's lines are read and their events prepared
   * (validated, serialised) while the current chunk is written, so the worker's CPU and the
   * database work side by side; a chunk whose lines another attempt took meanwhile has its events
   * prepared again from what it did take. A crash rolls back the open chunk only; a retry
   * continues with the lines left.
   */
  async applyChunks(
    payYear: number,
    previewId: string,
    options: ApplyOptions,
  ): Promise<{ finished: boolean; progress: RecalibrationProgress }> {
    const row = await this.dataSource.transaction((em) => this.repository.startApply(em, payYear, previewId));
    if (!row) throw payrollError('RECALIBRATION_STATE', `The recalibration of ${payYear} with preview ${previewId} is not approved`);
    const facts = this.eventFacts(row);
    const eventsOf = (lines: readonly AppliedChunk[]) =>
      this.outbox.prepareMany(
        payRecalibratedContract,
        lines.map((c) => ({
          key: c.workerId,
          data: {
            ...facts,
            workerId: c.workerId,
            unitCode: c.unitCode,
            previousAnnualFen: c.previousFen,
            annualFen: c.newFen,
            deltaFen: c.newFen - c.previousFen,
          },
        })),
      );
    type Prepared = { lines: AppliedChunk[]; events: PreparedEvents };
    type Ahead = Promise<Prepared>;
    const prepareAfter = async (after: string | null): Ahead => {
      const lines = await this.repository.nextLines(payYear, after, options.chunkSize);
      return { lines, events: eventsOf(lines) };
    };
    // A look-ahead that fails (database, or an event refused) fails the activity when it is awaited,
    // never as an unhandled rejection while the chunk before it is written.
    const ahead = (after: string | null): Ahead => {
      const prepared = prepareAfter(after);
      prepared.catch(() => undefined);
      return prepared;
    };
    let done = row.applyDone;
    let appliedAny = false;
    let next: Ahead | undefined = ahead(null);
    for (let i = 0; i < options.maxChunks && next; i++) {
      const { lines, events }: Prepared = await next;
      if (lines.length === 0) break;
      next = i + 1 < options.maxChunks ? ahead(lines[lines.length - 1]!.workerId) : undefined;
      const applied = await this.dataSource.transaction(async (em) => {
        const { chunk, done: total } = await this.repository.applyLines(
          em,
          payYear,
          lines.map((l) => l.workerId),
        );
        if (chunk.length === 0) return null; // all taken by another attempt meanwhile
        await this.outbox.appendPrepared(em, sameLines(chunk, lines) ? events : eventsOf(chunk));
        return total;
      });
      if (applied === null) continue;
      done = applied;
      appliedAny = true;
      options.heartbeat?.(done);
    }
    await next?.catch(() => undefined); // the last look-ahead: a read and a preparation, nothing written
    // The counter moves with the chunks; the exact count (an anti-join over the year's lines) is
    // taken only when the counter says the year is done or this activity found nothing to apply.
    const left = appliedAny && done < row.applyTotal ? row.applyTotal - done : await this.repository.remaining(payYear);
    return { finished: left === 0, progress: recalibrationProgress(done, row.applyTotal, row.applyStartedAt, new Date()) };
  }

  /**
   * Marks the year applied and announces it, once. A wage correction kept while the apply ran
   * re-opens the year in this same transaction (PAY-3): `reopened` tells the workflow to run again.
   */
  async finish(payYear: number, previewId: string): Promise<{ reopened: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repository.find(payYear, em, true);
      if (!row) return { reopened: false };
      // Finished already (a retry after the commit): open again means it was re-opened since.
      if (!(await this.repository.finish(em, payYear, previewId))) return { reopened: row.status === 'open' };
      const s = row.summary!;
      await this.audit.record(
        em,
        {
          action: 'apply',
          entity: RECALIBRATION_ENTITY,
          entityId: String(payYear),
          before: { status: 'applying' },
          after: { status: 'applied', workers: s.workers, totalFen: s.totalFen },
        },
        SYSTEM_PRINCIPAL,
      );
      await this.outbox.append(em, {
        contract: recalibrationAppliedContract,
        key: String(payYear),
        data: {
          payYear,
          policyVersion: s.policyVersion,
          multiplier: s.multiplier,
          referenceWageYear: s.referenceWageYear,
          workers: s.workers,
          gainers: s.gainers,
          losers: s.losers,
          rules: ruleIds(row),
        },
      });
      const reopened = await this.reopener.reopenDeferred(em, payYear);
      if (reopened) await this.reopener.recordReopen(em, reopened, SYSTEM_PRINCIPAL);
      return { reopened: reopened !== undefined };
    });
  }

  progress(row: RecalibrationRow): RecalibrationProgress {
    return recalibrationProgress(
      row.applyDone,
      row.applyTotal || row.summary?.workers || 0,
      row.applyStartedAt ? new Date(row.applyStartedAt) : null,
      new Date(),
    );
  }

  private summary(
    previewId: string,
    policy: PolicyVersion,
    value: GroupedRecalibration,
    wageFen: number,
    totals: { workers: number; previousTotalFen: number; totalFen: number; gainers: number; losers: number },
  ): RecalibrationPreviewSummary {
    return {
      previewId,
      policyVersion: policy.id,
      multiplier: value.chosenMultiple,
      referenceWageYear: referenceWageYear(policy, value.payYear),
      referenceWageFen: wageFen,
      workers: totals.workers,
      previousTotalFen: totals.previousTotalFen,
      totalFen: totals.totalFen,
      gainers: totals.gainers,
      losers: totals.losers,
      heldByCeiling: value.heldByCeiling ? totals.workers : 0,
    };
  }

  private eventFacts(
    row: RecalibrationRow,
  ): Omit<PayRecalibratedData, 'workerId' | 'unitCode' | 'previousAnnualFen' | 'annualFen' | 'deltaFen'> {
    const s = row.summary!;
    const share = (row.explanation?.steps.find((st) => st.rule === 'PAY-5')?.value as number | undefined) ?? 0;
    return {
      payYear: row.payYear,
      effectiveFrom: `${row.payYear}-01-01`,
      performanceShare: share,
      policyVersion: s.policyVersion,
      multiplier: s.multiplier,
      referenceWageYear: s.referenceWageYear,
      rules: ruleIds(row),
    };
  }
}

function ruleIds(row: RecalibrationRow): string[] {
  const rules = new Set(['POST-1', 'PAY-2', 'PAY-3', 'PAY-5', ...(row.explanation?.rules.map((r) => r.id) ?? [])]);
  return [...rules].sort();
}

/** True when the chunk applied exactly the lines read ahead, with the same figures. */
function sameLines(applied: readonly AppliedChunk[], read: readonly AppliedChunk[]): boolean {
  return (
    applied.length === read.length &&
    applied.every((a, i) => {
      const r = read[i]!;
      return a.workerId === r.workerId && a.unitCode === r.unitCode && a.previousFen === r.previousFen && a.newFen === r.newFen;
    })
  );
}
