import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { AppraisalGrade, OperatorRef } from '@cwp/contracts';
import { AuditTrail, decide, DomainError, WorkflowStarter, type Principal } from '@cwp/platform';
import { shanghaiDate, type PolicyCatalog } from '@cwp/policy';
import { AppraisalError, AppraisalErrors, temporalUnavailable } from '../core';
import { APPRAISAL_SETTINGS, POLICY_CATALOG, type AppraisalSettingsValue } from '../core';
import { ResultsService, type CycleFacts } from '../results';
import { CYCLE_ENTITY, CycleAccess } from './cycle-access';
import { CycleRepository } from './cycle.repository';
import type { CycleRow } from './cycle.row';
import type { OpenCycleDto, TargetsDto } from './cycle.dto';
import { CycleWorkflow } from './workflow/cycle-workflow';
import { CycleWorkflows } from './workflow/cycle-workflows';

const MAX_WINDOW_MS = 400 * 86_400_000;

/**
 * The yearly appraisal cycle of a unit (APPR-1..4): opening (row, then its workflow after the
 * commit), targets, the operator's close and publish (Temporal updates) and calibration, plus the
 * activities of the cycle workflow.
 */
@Injectable()
export class CyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CycleRepository,
    private readonly access: CycleAccess,
    private readonly workflows: CycleWorkflows,
    private readonly cycleWorkflow: CycleWorkflow,
    private readonly starter: WorkflowStarter,
    private readonly results: ResultsService,
    private readonly audit: AuditTrail,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
  ) {}

  async open(dto: OpenCycleDto, principal: Principal): Promise<CycleRow> {
    await this.access.openingUnit(principal, dto.unitCode);
    const opensAt = dto.ratingOpensAt ? new Date(dto.ratingOpensAt) : new Date();
    const closesAt = new Date(dto.ratingClosesAt);
    if (closesAt.getTime() <= opensAt.getTime())
      throw DomainError.validation('ratingClosesAt', 'ratingClosesAt must be after ratingOpensAt');
    if (closesAt.getTime() - opensAt.getTime() > MAX_WINDOW_MS)
      throw DomainError.validation('ratingClosesAt', 'the rating window lasts at most 400 days');
    // The weights and grade floors in force at the end of the appraised year (APPR-1..3).
    const policy = decide(() => this.catalog.inForce(`${dto.year}-12-31`), { dateField: 'year' });
    const row = await this.dataSource.transaction(async (em) => {
      // One cycle per unit subtree and year: overlapping openings are serialised per year.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`appraisal-cycle:${dto.year}`]);
      const other = await this.repository.overlapping(em, dto.unitCode, dto.year);
      if (other) throw AppraisalErrors.cycleOverlap(dto.unitCode, dto.year, other.unitCode);
      const inserted = await this.repository.insert(em, {
        id: randomUUID(),
        unitCode: dto.unitCode,
        year: dto.year,
        policyVersion: policy.id,
        ratingOpensAt: opensAt,
        ratingClosesAt: closesAt,
        reminderDays: dto.reminderDays ?? 7,
        excellentShareLimit: this.settings.excellentShareLimit,
        openedBy: principal.sub,
      });
      await this.audit.record(
        em,
        {
          action: 'open',
          entity: CYCLE_ENTITY,
          entityId: inserted.id,
          before: {},
          after: { unitCode: inserted.unitCode, year: inserted.year, policyVersion: policy.id },
        },
        principal,
      );
      return inserted;
    });
    // After the commit, never failing the request: a Temporal outage leaves it to the reconciler.
    await this.starter.startAfterCommit(this.cycleWorkflow, row);
    return row;
  }

  async get(id: string, principal: Principal): Promise<CycleRow> {
    return this.access.visible(id, principal, 'read');
  }

  async list(principal: Principal, year: number | undefined): Promise<CycleRow[]> {
    const scope = principal.role === 'city' || principal.role === 'system' ? '31' : principal.unit;
    // A street also sees the cycle its district opened for it.
    const own = await this.repository.within(scope, year);
    const above = principal.role === 'street' ? await this.repository.within(scope.slice(0, 6), year) : [];
    return [...own, ...above.filter((c) => c.unitCode.length === 6)];
  }

  /** APPR-4: annual and term targets per worker, recorded while the cycle runs. */
  async addTargets(id: string, dto: TargetsDto, principal: Principal): Promise<{ recorded: number }> {
    const cycle = await this.access.visible(id, principal, 'targets');
    if (cycle.phase !== 'targets' && cycle.phase !== 'rating') throw AppraisalErrors.cyclePhase(id, cycle.phase, 'targets or rating');
    const targets = dto.targets.map((t) => ({ id: randomUUID(), ...t }));
    return this.dataSource.transaction(async (em) => {
      const recorded = await this.repository.insertTargets(em, cycle, principal.sub, targets);
      const missing = dto.targets.findIndex((t) => !recorded.includes(t.workerId));
      if (missing >= 0) throw DomainError.notFound('worker', dto.targets[missing]!.workerId);
      await this.audit.record(
        em,
        { action: 'targets', entity: CYCLE_ENTITY, entityId: id, before: {}, after: { targets: recorded.length } },
        principal,
      );
      return { recorded: recorded.length };
    });
  }

  async closeRating(id: string, principal: Principal): Promise<CycleRow> {
    const cycle = await this.access.visible(id, principal, 'close');
    await this.update(() => this.workflows.closeRating(cycle, operator(principal)), cycle);
    return (await this.repository.find(id))!;
  }

  /** APPR-2: a calibration move on a draft result of this cycle, while it waits for calibration. */
  async calibrate(id: string, workerId: string, grade: AppraisalGrade, reason: string, principal: Principal) {
    const cycle = await this.access.visible(id, principal, 'calibrate');
    if (cycle.phase !== 'calibrating') throw AppraisalErrors.cyclePhase(id, cycle.phase, 'calibrating');
    const result = await this.results.calibrate(workerId, cycle.year, grade, reason, principal);
    if (result.cycleId !== id) throw DomainError.notFound('appraisal_result', `${workerId}/${cycle.year}`);
    return result;
  }

  async publish(id: string, principal: Principal): Promise<CycleRow> {
    const cycle = await this.access.visible(id, principal, 'publish');
    if (cycle.phase !== 'calibrating') throw AppraisalErrors.cyclePhase(id, cycle.phase, 'calibrating');
    await this.results.assertCalibrated(facts(cycle));
    await this.update(() => this.workflows.publish(cycle, operator(principal)), cycle);
    return (await this.repository.find(id))!;
  }

  private async update(send: () => Promise<unknown>, cycle: CycleRow): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new DomainError(AppraisalError.CYCLE_PHASE, `Cycle ${cycle.id}: ${error.cause?.message ?? error.message}`, {
          details: { cycleId: cycle.id, phase: cycle.phase },
        });
      }
      throw temporalUnavailable(error, `Cycle ${cycle.id}`) ?? error;
    }
  }

  // ---- activities of the cycle workflow ----------------------------------------------------

  async openRating(id: string): Promise<void> {
    await this.repository.setPhase(id, 'rating');
  }

  async remindRaters(id: string): Promise<{ workersMissingRatings: number }> {
    const cycle = (await this.repository.find(id))!;
    await this.repository.markReminded(id);
    return { workersMissingRatings: await this.repository.workersMissingRatings(cycle) };
  }

  async close(
    id: string,
    closedBy: string,
    resumeAfter: string,
    progress: (last: string) => void,
  ): Promise<{ results: number; unitsOverLimit: string[] }> {
    const cycle = (await this.repository.find(id))!;
    if (cycle.phase === 'rating') await this.repository.setPhase(id, 'closing', { closedBy });
    const { results, checks } = await this.results.close(facts(cycle), resumeAfter, progress);
    const unitsOverLimit = checks.filter((c) => c.over).map((c) => c.unitCode);
    await this.repository.setPhase(id, unitsOverLimit.length > 0 ? 'calibrating' : 'publishing', { unitsOverLimit });
    return { results, unitsOverLimit };
  }

  async checkCalibration(id: string): Promise<void> {
    const cycle = (await this.repository.find(id))!;
    await this.results.assertCalibrated(facts(cycle));
    await this.repository.setPhase(id, 'publishing', { unitsOverLimit: [] });
  }

  async publishResults(id: string, progress: () => void): Promise<{ published: number }> {
    const published = await this.results.publish(id, progress);
    await this.repository.setPhase(id, 'published');
    return { published };
  }

  today(): string {
    return shanghaiDate(new Date());
  }
}

function facts(cycle: CycleRow): CycleFacts {
  return {
    id: cycle.id,
    unitCode: cycle.unitCode,
    year: cycle.year,
    policyVersion: cycle.policyVersion,
    excellentShareLimit: cycle.excellentShareLimit,
  };
}

function operator(principal: Principal): OperatorRef {
  return { sub: principal.sub, role: principal.role, unit: principal.unit };
}
