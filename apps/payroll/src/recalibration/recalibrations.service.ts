import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, ErrorCode, type Principal } from '@cwp/platform';
import type { RecalibrationPreviewSummary } from '@cwp/contracts';
import { decide, payrollError } from '../core';
import { PolicyCatalogSource } from '../policy-versions';
import { RecalibrationAccess } from './recalibration-access';
import { multiplierAuditView } from './recalibration-audit';
import { RECALIBRATION_ENTITY } from '../wages';
import { RecalibrationRunner } from './recalibration-runner.service';
import { RecalibrationRepository } from './recalibration.repository';
import {
  BudgetLineResponse,
  RecalibrationResponse,
  WhatIfResponse,
  WorkerLineResponse,
  type SetMultiplierDto,
  type WhatIfDto,
} from './recalibration.dto';
import { RecalibrationWorkflows } from './workflow/recalibration-workflows';

/** The API's use cases of the yearly recalibration (PAY-3, PAY-7, PAY-8). */
@Injectable()
export class RecalibrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecalibrationRepository,
    private readonly runner: RecalibrationRunner,
    private readonly access: RecalibrationAccess,
    private readonly catalogs: PolicyCatalogSource,
    private readonly audit: AuditTrail,
    @Optional() private readonly workflows?: RecalibrationWorkflows,
  ) {}

  async start(payYear: number, principal: Principal): Promise<{ workflowId: string; started: boolean }> {
    this.access.assertCity(principal, 'start a recalibration');
    return this.requireWorkflows().start(payYear);
  }

  async get(payYear: number): Promise<RecalibrationResponse> {
    // The workflow's phase first, then the row: what a phase says is done (the preview's summary
    // before awaiting-approval) was committed before the phase changed, so the row read after it
    // holds it. Read the other way round, a preview finishing in between answered
    // awaiting-approval with no preview (the reliability tier saw it once).
    const state = await this.workflows?.state(payYear).catch(() => null);
    const row = await this.repository.find(payYear);
    if (!row) throw DomainError.notFound(RECALIBRATION_ENTITY, String(payYear));
    return RecalibrationResponse.toResponse(row, this.runner.progress(row), state?.phase ?? null);
  }

  async approve(payYear: number, previewId: string, principal: Principal): Promise<RecalibrationPreviewSummary> {
    this.access.assertCity(principal, 'approve a recalibration');
    return this.requireWorkflows().approve(payYear, previewId, principal);
  }

  /** PAY-3: the year's multiplier, inside the band of the version in force; invalidates a preview. */
  async setMultiplier(payYear: number, dto: SetMultiplierDto, principal: Principal): Promise<RecalibrationResponse> {
    this.access.assertCity(principal, 'set the multiplier');
    const policy = await this.runner.policyFor(payYear);
    const band = policy.pay.band;
    if (dto.multiplier < band.min || dto.multiplier > band.max) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `multiplier: ${dto.multiplier} is outside the band ${band.min}..${band.max} of ${policy.id} (PAY-3)`,
        { field: 'multiplier', details: { rule: 'PAY-3' } },
      );
    }
    const row = await this.dataSource.transaction(async (em) => {
      const before = await this.repository.open(em, payYear);
      if (before.status === 'approved' || before.status === 'applying' || before.status === 'applied') {
        throw payrollError(
          'RECALIBRATION_STATE',
          `The recalibration of ${payYear} is ${before.status}; its multiplier can no longer change`,
          { field: 'multiplier' },
        );
      }
      const after = await this.repository.setMultiplier(em, payYear, dto.multiplier);
      await this.audit.record(
        em,
        {
          action: 'set-multiplier',
          entity: RECALIBRATION_ENTITY,
          entityId: String(payYear),
          before: multiplierAuditView(payYear, before.multiplier),
          after: multiplierAuditView(payYear, dto.multiplier, dto.reason),
        },
        principal,
      );
      return after;
    });
    await this.workflows?.inputsChanged(payYear, 'multiplier-changed');
    return RecalibrationResponse.toResponse(row, this.runner.progress(row), null);
  }

  async budget(payYear: number, level: 'district' | 'street', principal: Principal): Promise<BudgetLineResponse[]> {
    const rows = await this.repository.budget(payYear, level === 'street' ? 9 : 6, this.access.budgetScope(principal));
    return rows.map(BudgetLineResponse.toResponse);
  }

  async workerLine(payYear: number, workerId: string, principal: Principal): Promise<WorkerLineResponse> {
    await this.access.worker(workerId, principal);
    const line = await this.repository.line(payYear, workerId);
    if (!line) throw DomainError.notFound('RecalibrationLine', `${payYear}/${workerId}`);
    return WorkerLineResponse.toResponse(payYear, line);
  }

  /** The same computation as the preview for any multiplier, version or wage; nothing is written. */
  async whatIf(dto: WhatIfDto, principal: Principal): Promise<WhatIfResponse> {
    this.access.assertCity(principal, 'run what-if recalibrations');
    const catalog = await this.catalogs.catalog();
    const version = dto.policyVersion ? decide(() => catalog.byId(dto.policyVersion!)) : undefined;
    const { policy: used, decision } = await this.runner.compute(dto.payYear, {
      ...(version ? { policy: version } : {}),
      ...(dto.multiplier !== undefined ? { multiplier: dto.multiplier } : {}),
      ...(dto.annualWageFen !== undefined ? { wageFen: dto.annualWageFen } : {}),
    });
    const { totals, budget } = await this.repository.whatIfTotals(
      `${dto.payYear}-01-01`,
      decision.value.groups,
      dto.level === 'street' ? 9 : 6,
    );
    return WhatIfResponse.toResponse(used.id, decision.value, totals, budget, decision.explanation);
  }

  private requireWorkflows(): RecalibrationWorkflows {
    if (!this.workflows) throw payrollError('RECALIBRATION_STATE', 'This process runs without Temporal');
    return this.workflows;
  }
}
