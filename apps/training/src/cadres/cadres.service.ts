import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { reserveCadreChangedContract, type CadreChange } from '@cwp/contracts';
import { checkReserveCadre, type Decision, type EducationLevel, type Grade, type PolicyCatalog, type ReserveCadreCheck } from '@cwp/policy';
import {
  AuditTrail,
  DomainError,
  ErrorCode,
  Jurisdiction,
  OutboxWriter,
  POLICY_CATALOG,
  ServiceClock,
  WorkflowStarter,
  decide,
  isUuid,
  type Principal,
} from '@cwp/platform';
import { TrainingError } from '../core';
import { TraineeAccess, TraineeRepository, WorkerExitEffects } from '../roster';
import { CadreRepository } from './cadre.repository';
import type { CadreRow } from './cadre.row';
import {
  toCadreResponse,
  type CadreListQueryDto,
  type CadreResponse,
  type DecideCadreDto,
  type NominateCadreDto,
  type ReviewCadreDto,
} from './cadre.dto';
import { policyCertificates } from './rules/cadre-certificates';
import { CadreWorkflow } from './workflow/cadre-workflow';

const ENTITY = 'ReserveCadre';
const AUDIT_ENTITY = 'reserve-cadre';

/**
 * Reserve cadres (REC-8, 后备干部): a street nominates a serving worker for community party
 * secretary or committee director with a development plan; @cwp/policy `checkReserveCadre` decides
 * eligibility (young, well educated, holding the assistant social worker title or higher, capable)
 * and its explanation is stored; the district confirms or declines; the confirmed cadre's workflow
 * opens a review every year, which the district decides (kept: eligibility re-checked; removed).
 */
@Injectable()
export class CadresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CadreRepository,
    private readonly trainees: TraineeAccess,
    private readonly roster: TraineeRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly starter: WorkflowStarter,
    private readonly workflow: CadreWorkflow,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    exits: WorkerExitEffects,
  ) {
    exits.register({
      inTransaction: (em, { workerId, exitedOn }) => this.endForExit(em, workerId, exitedOn),
      afterCommit: ({ workerId }) => this.signalExited(workerId),
    });
  }

  async nominate(dto: NominateCadreDto, principal: Principal): Promise<CadreResponse> {
    const worker = await this.trainees.visible(dto.workerId, principal, 'nominate-cadre').catch((error: unknown) => {
      throw error instanceof DomainError ? new DomainError(error.code, error.message, { field: 'workerId' }) : error;
    });
    if (worker.status !== 'active')
      throw new DomainError(TrainingError.WORKER_NOT_ACTIVE, `Worker ${dto.workerId} has left`, { field: 'workerId' });
    const today = this.clock.today();
    const check = await this.eligibility(worker.workerId, worker.education, dto, today);
    if (!check.value.eligible)
      throw new DomainError(
        TrainingError.CADRE_NOT_ELIGIBLE,
        `Not eligible as a reserve cadre (REC-8): ${check.value.unmet.join(', ')} not met`,
        {
          field: 'workerId',
          details: { rule: 'REC-8', unmet: check.value.unmet, explanation: check.explanation },
        },
      );
    const row: CadreRow = {
      id: randomUUID(),
      workerId: worker.workerId,
      unitCode: worker.unitCode,
      targetRole: dto.targetRole,
      status: 'nominated',
      reason: dto.reason,
      planObjectives: dto.planObjectives,
      eligibility: check.explanation,
      nominatedBy: principal.sub,
      nominatedOn: today,
      decidedBy: null,
      decidedOn: null,
      decisionNote: null,
      version: 1,
    };
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.insert(em, row)))
        throw new DomainError(ErrorCode.DUPLICATE, `Worker ${row.workerId} is already a candidate for ${row.targetRole}`, {
          field: 'targetRole',
        });
      await this.changed(em, row, 'nominated', today, null, principal);
    });
    return toCadreResponse(row, []);
  }

  async get(id: string, principal: Principal): Promise<CadreResponse> {
    const row = await this.visible(id, principal, 'read');
    return toCadreResponse(row, await this.repository.reviews(id));
  }

  async list(query: CadreListQueryDto, principal: Principal): Promise<CadreResponse[]> {
    await this.jurisdiction.assertUnitAccessible(principal, query.unitCode, 'unitCode', 'read');
    const rows = await this.repository.list(query.unitCode, query.status, 500);
    return rows.map((r) => toCadreResponse(r, []));
  }

  /** The district confirms (the yearly review starts) or declines a nomination. */
  async decide(id: string, dto: DecideCadreDto, principal: Principal): Promise<CadreResponse> {
    const row = await this.visible(id, principal, 'decide');
    const to = dto.decision === 'confirm' ? 'confirmed' : 'declined';
    const today = this.clock.today();
    const decided = await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.decide(em, id, 'nominated', to, principal.sub, today, dto.note)))
        throw new DomainError(ErrorCode.CONFLICT, `Reserve cadre ${id} is ${row.status}, not nominated`, { field: 'decision' });
      const after = (await this.repository.find(id, em))!;
      await this.changed(em, after, to, today, null, principal);
      return after;
    });
    if (to === 'confirmed') await this.starter.startAfterCommit(this.workflow, decided);
    return toCadreResponse(decided, await this.repository.reviews(id));
  }

  /** The district decides the review the workflow opened: kept (eligibility re-checked) or removed. */
  async review(id: string, dto: ReviewCadreDto, principal: Principal): Promise<CadreResponse> {
    const row = await this.visible(id, principal, 'review');
    if (row.status !== 'confirmed')
      throw new DomainError(ErrorCode.CONFLICT, `Reserve cadre ${id} is ${row.status}, not confirmed`, { field: 'outcome' });
    if (!(await this.repository.hasOpenReview(id)))
      throw new DomainError(TrainingError.REVIEW_NOT_DUE, `No review of reserve cadre ${id} is open`, { field: 'outcome' });
    const worker = await this.roster.find(row.workerId);
    const today = this.clock.today();
    const check = await this.eligibility(row.workerId, worker?.education ?? null, dto, today);
    if (dto.outcome === 'kept' && !check.value.eligible)
      throw new DomainError(TrainingError.CADRE_NOT_ELIGIBLE, `Cannot keep: ${check.value.unmet.join(', ')} no longer met (REC-8)`, {
        field: 'outcome',
        details: { rule: 'REC-8', unmet: check.value.unmet, explanation: check.explanation },
      });
    await this.dataSource.transaction(async (em) => {
      const review = await this.repository.decideReview(em, id, dto.outcome, dto.note, check.explanation, principal.sub, today);
      if (!review) throw new DomainError(TrainingError.REVIEW_NOT_DUE, `No review of reserve cadre ${id} is open`, { field: 'outcome' });
      if (dto.outcome === 'removed') await this.repository.decide(em, id, 'confirmed', 'removed', principal.sub, today, dto.note);
      await this.changed(em, row, dto.outcome, today, Number(review.dueOn.slice(0, 4)), principal);
    });
    if (dto.outcome === 'removed') await this.workflow.ended(id, 'removed');
    return this.get(id, principal);
  }

  /**
   * REC-8: the worker left (workforce exit event, in the inbox transaction): their open candidacy
   * ends at once, published as the other endings are (`removed`), not at the next review point.
   */
  async endForExit(em: EntityManager, workerId: string, exitedOn: string): Promise<void> {
    for (const row of await this.repository.endForExit(em, workerId, exitedOn))
      await this.changed(em, row, 'removed', exitedOn, null, null);
  }

  /** After the exit committed: each ended candidacy's review workflow stops now (a lost signal is caught at the next review point). */
  async signalExited(workerId: string): Promise<void> {
    for (const id of await this.repository.exitedOf(workerId)) await this.workflow.ended(id, 'exited');
  }

  /** Activity (REC-8 yearly): opens review `round`; a cadre whose worker left leaves the reserve here. */
  async openReview(id: string, round: number, dueOn: string): Promise<{ status: 'confirmed' | 'removed' | 'exited' }> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repository.find(id, em);
      if (!row || row.status === 'removed' || row.status === 'declined') return { status: 'removed' };
      if (row.status === 'exited') return { status: 'exited' };
      const worker = await this.roster.find(row.workerId);
      if (!worker || worker.status === 'exited') {
        await this.repository.decide(em, id, 'confirmed', 'exited', 'system', dueOn, 'the worker left');
        await this.changed(em, row, 'removed', dueOn, null, null);
        return { status: 'exited' };
      }
      await this.repository.openReview(em, id, round, dueOn);
      return { status: 'confirmed' };
    });
  }

  private async eligibility(
    workerId: string,
    education: string | null,
    facts: { birthDate: string; lastGrade?: Grade | undefined },
    today: string,
  ): Promise<Decision<ReserveCadreCheck>> {
    if (education === null)
      throw new DomainError(
        TrainingError.CADRE_NOT_ELIGIBLE,
        `Worker ${workerId} has no education on record (PUT /workers/${workerId}/education)`,
        {
          field: 'education',
          details: { rule: 'REC-8' },
        },
      );
    const certificates = policyCertificates(await this.repository.certificates(workerId));
    const policy = decide(() => this.catalog.inForce(today));
    return decide(() =>
      checkReserveCadre(
        policy,
        {
          birthDate: facts.birthDate,
          education: education as EducationLevel,
          certificates,
          ...(facts.lastGrade ? { lastGrade: facts.lastGrade } : {}),
        },
        today,
      ),
    );
  }

  private async changed(
    em: EntityManager,
    row: CadreRow,
    change: CadreChange,
    on: string,
    year: number | null,
    principal: Principal | null,
  ) {
    await this.outbox.append(em, {
      contract: reserveCadreChangedContract,
      key: row.workerId,
      data: {
        cadreId: row.id,
        workerId: row.workerId,
        unitCode: row.unitCode,
        targetRole: row.targetRole,
        change,
        on,
        year,
        rules: ['REC-8'],
      },
    });
    const entry = {
      action: change,
      entity: AUDIT_ENTITY,
      entityId: row.id,
      after: { workerId: row.workerId, targetRole: row.targetRole, change },
    };
    if (principal) await this.audit.record(em, entry, principal);
  }

  private async visible(id: string, principal: Principal, action: string): Promise<CadreRow> {
    const row = isUuid(id) ? await this.repository.find(id) : undefined;
    if (!row) throw DomainError.notFound(ENTITY, id);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: ENTITY, entityId: id, action });
    return row;
  }
}
