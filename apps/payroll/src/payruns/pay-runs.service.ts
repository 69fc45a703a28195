import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, DomainError, ErrorCode, OUTBOX_BATCH_ROWS, OutboxWriter, scopeOf, tabularFile, type Principal } from '@cwp/platform';
import type { StreamableFile } from '@nestjs/common';
import { slipPaidContract } from '@cwp/contracts';
import {
  ExplanationBuilder,
  monthlyBasePayFen,
  performanceShareFor,
  roundHalfAwayFromZero,
  roundTo,
  type Explanation,
  type PolicyVersion,
  type PostCategory,
} from '@cwp/policy';
import { decide } from '../core';
import { PolicyCatalogSource } from '../policy-versions';
import { PayWorkerAccess } from '../workers';
import { PayPoolRepository } from './pay-pool.repository';
import { PayRunPools } from './pay-run-pools';
import { PayRunRepository } from './pay-run.repository';
import { PayPoolResponse, PayRunResponse, PaySlipResponse, PerformanceLineResponse, UnitTotalResponse } from './pay-run.dto';
import { PAY_REGISTER_HEADERS, payRegisterRows, streamPayRegister } from './pay-register.stream';
import { slipEventData } from './pay-slip-event-data';
import { bankTransferCsv } from './rules/bank-file';

export const PAY_RUN_ENTITY = 'PayRun';

/** PAY-2, PAY-5, PAY-6: the monthly pay run, its slips (scoped), unit totals, pools, register and bank file. */
@Injectable()
export class PayRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PayRunRepository,
    private readonly poolRepository: PayPoolRepository,
    private readonly pools: PayRunPools,
    private readonly catalogs: PolicyCatalogSource,
    private readonly workers: PayWorkerAccess,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Runs a month once, in one transaction: every slip's base pay (one statement), the PAY-6 pool
   * instalment when one falls due (a few set-based statements), arrears, totals, and every slip's
   * event (one outbox insert per 5,000). A second run of the month returns the first one unchanged.
   */
  async run(period: string, principal: Principal): Promise<PayRunResponse> {
    if (principal.role !== 'city' && principal.role !== 'system')
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only city operators run the monthly pay');
    const [year, month] = period.split('-').map(Number) as [number, number];
    const catalog = await this.catalogs.catalog();
    const policy = decide(() => catalog.inForce(`${period}-01`), { dateField: 'period' });
    const share = performanceShareFor(policy, year);
    const referenceDay = `${year}-01-01`;
    const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const groups = (await this.repository.groups(referenceDay)).map((g) => ({
      ...g,
      matrixAnnualFen: roundHalfAwayFromZero(
        (monthlyBasePayFen(policy.pay.matrix, g.category as PostCategory, g.level, g.yearsOfService) * 12) / (1 - share),
      ),
    }));
    const explanation = payRunExplanation(period, policy, share);
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.claim(em, period, policy.id, explanation, principal.sub))) return;
      await this.repository.writeSlips(em, { period, referenceDay, lastDay, month, share, groups });
      const pools = await this.pools.pay(em, policy, period);
      await this.repository.writeArrears(em, period, share);
      await this.repository.writeTotals(em, period, pools);
      await this.publishSlips(em, period, policy.id);
      await this.audit.record(
        em,
        {
          action: 'run',
          entity: PAY_RUN_ENTITY,
          entityId: period,
          after: { period, policyVersion: policy.id, poolsPaid: pools?.unitsPaid ?? 0, poolsMissing: pools?.unitsMissing ?? 0 },
        },
        principal,
      );
    });
    return this.get(period);
  }

  async get(period: string): Promise<PayRunResponse> {
    const row = await this.repository.find(period);
    if (!row) throw DomainError.notFound(PAY_RUN_ENTITY, period);
    return PayRunResponse.toResponse(row);
  }

  /** A worker's slip: readable by the operators whose scope holds the worker (404 and audited otherwise). */
  async slip(period: string, workerId: string, principal: Principal): Promise<PaySlipResponse> {
    await this.workers.visible(workerId, principal, 'read-pay-slip');
    const run = await this.repository.find(period);
    const slip = run ? await this.repository.slip(period, workerId) : undefined;
    if (!run || !slip) throw DomainError.notFound('PaySlip', `${period}/${workerId}`);
    const [arrears, line] = await Promise.all([this.repository.arrearsOf(period, workerId), this.poolRepository.line(period, workerId)]);
    const pool = run.pools ? await this.poolRepository.pool(period, line?.unitCode ?? slip.unitCode) : undefined;
    const builder = new ExplanationBuilder({ period, workerId, annualFen: slip.annualFen }, run.policyVersion)
      .absorb(run.explanation)
      .step('PAY-2', `Base pay this month: ${slip.baseFen} fen`, slip.baseFen);
    let performance: PerformanceLineResponse | null = null;
    if (line && pool?.status === 'paid') {
      const catalog = await this.catalogs.catalog();
      const policy = decide(() => catalog.byId(run.policyVersion));
      builder.absorb(PayRunPools.decisionOf(policy, pool).explanation);
      const grade =
        line.grade === null
          ? `no grade of ${pool.appraisalYear} published yet, so no share`
          : `grade ${line.grade} of ${pool.appraisalYear}`;
      builder.step(
        'PAY-6',
        `This worker's share of unit ${pool.unitCode}'s ${pool.instalmentFen} fen: ${grade}: ${line.shareFen} fen`,
        line.shareFen,
      );
      performance = PerformanceLineResponse.toResponse(line, pool);
    } else if (pool) {
      builder.step(
        'PAY-6',
        `No performance line: the pool of unit ${pool.unitCode} lacked ${pool.missing.join(', ')} when it fell due`,
        pool.missing,
      );
    } else {
      builder.step('PAY-5', 'No instalment of the performance pool falls due this month');
    }
    for (const a of arrears) {
      builder.step(
        'PAY-3',
        `Arrears for ${a.forPeriod}: base pay paid ${a.paidFen} fen on a yearly pay of ${a.paidAnnualFen} fen; due ${a.dueFen} fen on the yearly pay of ${a.dueAnnualFen} fen now in force`,
        a.arrearsFen,
      );
    }
    return PaySlipResponse.toResponse(slip, arrears, performance, builder.build());
  }

  /** The period's unit pools within the caller's scope (PAY-6), optionally only those whose inputs were missing. */
  async poolsOf(period: string, status: 'paid' | 'inputs-missing' | undefined, principal: Principal): Promise<PayPoolResponse[]> {
    await this.get(period);
    return (await this.poolRepository.pools(period, scopeOf(principal), status)).map(PayPoolResponse.toResponse);
  }

  /** The unit totals of a run that exists (404 otherwise, as the register and the totals file). */
  async unitTotals(period: string, level: 'district' | 'street' | 'area', principal: Principal): Promise<UnitTotalResponse[]> {
    await this.get(period);
    const digits = level === 'district' ? 6 : level === 'street' ? 9 : 12;
    return (await this.repository.unitTotals(period, digits, scopeOf(principal))).map(UnitTotalResponse.toResponse);
  }

  /** The month's pay register of the caller's subtree (CSV, Chinese headers), streamed from the database. */
  async register(period: string, principal: Principal): Promise<Readable> {
    await this.get(period);
    return streamPayRegister(this.dataSource, period, scopeOf(principal));
  }

  /** The same register as XLSX (sheet 工资名册), streamed through the platform's writer. */
  async registerXlsx(period: string, principal: Principal): Promise<StreamableFile> {
    await this.get(period);
    return tabularFile(
      'xlsx',
      `pay-register-${period}`,
      PAY_REGISTER_HEADERS,
      payRegisterRows(this.dataSource, period, scopeOf(principal)),
      '工资名册',
    );
  }

  async bankFile(period: string, principal: Principal): Promise<string> {
    if (principal.role !== 'city') throw new DomainError(ErrorCode.FORBIDDEN, 'Only city operators export the bank file');
    await this.get(period);
    return bankTransferCsv(period, await this.repository.slipsOfPeriod(period));
  }

  /** Every slip's `cwp.payroll.pay.slip-paid.v1` event, a page of slips and one outbox insert per 5,000. */
  private async publishSlips(em: EntityManager, period: string, policyVersion: string): Promise<void> {
    let after = '';
    for (;;) {
      const page = await this.repository.slipEventPage(em, period, after, OUTBOX_BATCH_ROWS);
      if (page.length === 0) return;
      await this.outbox.appendMany(
        em,
        slipPaidContract,
        page.map((row) => ({ key: row.workerId, data: slipEventData(row, policyVersion) })),
      );
      if (page.length < OUTBOX_BATCH_ROWS) return;
      after = page[page.length - 1]!.workerId;
    }
  }
}

/** How every slip of the month is computed (PAY-2, PAY-3, PAY-5, PAY-6), stored once on the run. */
function payRunExplanation(period: string, policy: PolicyVersion, share: number): Explanation {
  const paid =
    policy.pay.performancePaidEvery === 'quarter'
      ? 'quarterly (March, June, September, December)'
      : `yearly (month ${policy.pay.performancePaidInMonth})`;
  return new ExplanationBuilder({ period, policyVersion: policy.id }, policy.id)
    .step('PAY-3', "Yearly pay: the worker's recalibrated pay of the year; a worker never recalibrated is paid the matrix (PAY-2)")
    .step(
      'PAY-2',
      `Base pay is the yearly pay less its ${roundTo(share * 100, 2)}% performance share (PAY-5), paid monthly: one twelfth, the remainder fen in the first months, so twelve slips add up to it`,
      share,
    )
    .step(
      'PAY-6',
      `Performance pay comes from the unit's pool, bound to its quota whatever its headcount, paid ${paid} and shared by grade among the unit's workers paid that month; a unit whose quota, grades or reference wage has not arrived pays no line and is listed on the run`,
    )
    .step(
      'PAY-3',
      'Arrears: a yearly pay changed after earlier months of the year were paid (a recalibration applied or re-applied later, a back-dated post change) is settled on this slip, month by month: base pay due on the pay in force now minus what was paid',
    )
    .build();
}
