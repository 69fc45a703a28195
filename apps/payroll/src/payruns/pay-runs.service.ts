import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, ErrorCode, scopeOf, tabularFile, type Principal } from '@cwp/platform';
import type { StreamableFile } from '@nestjs/common';
import { ExplanationBuilder, monthlyBasePayFen, performanceShareFor, roundHalfAwayFromZero, roundTo, type PostCategory } from '@cwp/policy';
import { decide } from '../core';
import { PolicyCatalogSource } from '../policy-versions';
import { PayWorkerAccess } from '../workers';
import { PayRunRepository } from './pay-run.repository';
import { PayRunResponse, PaySlipResponse, UnitTotalResponse } from './pay-run.dto';
import { PAY_REGISTER_HEADERS, payRegisterRows, streamPayRegister } from './pay-register.stream';
import { bankTransferCsv } from './rules/bank-file';

export const PAY_RUN_ENTITY = 'PayRun';

/** PAY-2, PAY-5: the monthly pay run, its slips (scoped), unit totals and the bank file. */
@Injectable()
export class PayRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PayRunRepository,
    private readonly catalogs: PolicyCatalogSource,
    private readonly workers: PayWorkerAccess,
    private readonly audit: AuditTrail,
  ) {}

  /** Runs a month once (set-based); a second run of the month returns the first one unchanged. */
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
    const paidEvery = policy.pay.performancePaidEvery;
    const explanation = new ExplanationBuilder({ period, policyVersion: policy.id }, policy.id)
      .step('PAY-3', "Yearly pay: the worker's recalibrated pay of the year; a worker never recalibrated is paid the matrix (PAY-2)")
      .step(
        'PAY-5',
        `Performance pay is ${roundTo(share * 100, 2)}% of yearly pay, paid ${paidEvery === 'quarter' ? 'quarterly (March, June, September, December)' : 'yearly (December)'}`,
        share,
      )
      .step(
        'PAY-2',
        'Base pay (the rest) is paid monthly: one twelfth, the remainder fen in the first months, so twelve slips add up to the yearly pay',
      )
      .step(
        'PAY-3',
        'Arrears: a yearly pay changed after earlier months of the year were paid (a recalibration applied later, a back-dated post change) is settled on this slip, month by month: due on the pay in force now minus what was paid',
      )
      .build();
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.claim(em, period, policy.id, explanation, principal.sub))) return;
      await this.repository.writeSlips(em, { period, referenceDay, lastDay, month, share, paidEvery, groups });
      await this.audit.record(
        em,
        { action: 'run', entity: PAY_RUN_ENTITY, entityId: period, after: { period, policyVersion: policy.id } },
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
    const arrears = await this.repository.arrearsOf(period, workerId);
    const builder = new ExplanationBuilder({ period, workerId, annualFen: slip.annualFen }, run.policyVersion)
      .absorb(run.explanation)
      .step('PAY-2', `Base pay this month: ${slip.baseFen} fen`, slip.baseFen)
      .step('PAY-5', `Performance pay this month: ${slip.performanceFen} fen`, slip.performanceFen);
    for (const line of arrears) {
      builder.step(
        'PAY-3',
        `Arrears for ${line.forPeriod}: paid ${line.paidFen} fen on a yearly pay of ${line.paidAnnualFen} fen; due ${line.dueFen} fen on the yearly pay of ${line.dueAnnualFen} fen now in force`,
        line.arrearsFen,
      );
    }
    return PaySlipResponse.toResponse(slip, arrears, builder.build());
  }

  async unitTotals(period: string, level: 'district' | 'street' | 'area', principal: Principal): Promise<UnitTotalResponse[]> {
    const digits = level === 'district' ? 6 : level === 'street' ? 9 : 12;
    return (await this.repository.unitTotals(period, digits, scopeOf(principal))).map(UnitTotalResponse.toResponse);
  }

  /** The unit totals of a run that exists (404 otherwise, as the register): what the totals file holds. */
  async unitTotalsOfRun(period: string, level: 'district' | 'street' | 'area', principal: Principal): Promise<UnitTotalResponse[]> {
    await this.get(period);
    return this.unitTotals(period, level, principal);
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
}
