import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  planMilestoneContract,
  type PlanMilestone,
  type WorkerExitedData,
  type WorkerHiredData,
  type WorkerTransferredData,
} from '@cwp/contracts';
import { developmentMilestone, type FourOne, type PolicyCatalog } from '@cwp/policy';
import { AuditTrail, DomainError, OutboxWriter, POLICY_CATALOG, decide, type Principal } from '@cwp/platform';
import { TrainingError } from '../core';
import { TRAINEE_ENTITY_NAME, TraineeAccess } from './trainee-access';
import { TraineeRepository } from './trainee.repository';
import type { TraineeRow } from './trainee.row';
import { toTraineeResponse, type RecordFourOneDto, type SetEducationDto, type TraineeResponse } from './trainee.dto';

const AUDIT_ENTITY = 'trainee';

/**
 * The roster and each worker's development plan (TRAIN-2): projected from workforce events,
 * four-ones evidence recorded by the worker's operators, and the plan workflow's activities.
 */
@Injectable()
export class TraineesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TraineeRepository,
    private readonly access: TraineeAccess,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
  ) {}

  // ---- workforce events (called by the inbox handler inside its transaction) ----

  fromHired(em: EntityManager, data: WorkerHiredData): Promise<TraineeRow | undefined> {
    return this.repository.insertHired(em, data);
  }

  fromTransferred(em: EntityManager, data: WorkerTransferredData): Promise<boolean> {
    return this.repository.moveUnit(em, data.workerId, data.toUnitCode);
  }

  fromExited(em: EntityManager, data: WorkerExitedData): Promise<boolean> {
    return this.repository.markExited(em, data.workerId, data.exitedOn);
  }

  // ---- HTTP ----

  async get(workerId: string, principal: Principal): Promise<TraineeResponse> {
    const row = await this.access.visible(workerId, principal, 'read');
    return this.responseOf(row);
  }

  async recordFourOne(workerId: string, dto: RecordFourOneDto, principal: Principal): Promise<TraineeResponse> {
    const row = await this.access.visible(workerId, principal, 'record-four-one');
    if (row.status !== 'active')
      throw new DomainError(TrainingError.WORKER_NOT_ACTIVE, `Worker ${workerId} has left`, { field: 'workerId' });
    if (dto.doneOn < row.hiredOn)
      throw DomainError.validation('doneOn', `doneOn must not be before the first day of service (${row.hiredOn})`);
    await this.dataSource.transaction(async (em) => {
      await this.repository.upsertFourOne(em, workerId, {
        item: dto.item,
        doneOn: dto.doneOn,
        evidence: dto.evidence,
        recordedBy: principal.sub,
      });
      await this.audit.record(
        em,
        { action: 'record-four-one', entity: AUDIT_ENTITY, entityId: workerId, after: { item: dto.item, doneOn: dto.doneOn } },
        principal,
      );
    });
    return this.responseOf(row);
  }

  async setEducation(workerId: string, dto: SetEducationDto, principal: Principal): Promise<TraineeResponse> {
    await this.access.visible(workerId, principal, 'set-education');
    await this.dataSource.transaction(async (em) => {
      await this.repository.setEducation(em, workerId, dto.education);
      await this.audit.record(
        em,
        { action: 'set-education', entity: AUDIT_ENTITY, entityId: workerId, after: { education: dto.education } },
        principal,
      );
    });
    return this.responseOf((await this.repository.find(workerId))!);
  }

  private async responseOf(row: TraineeRow): Promise<TraineeResponse> {
    const [fourOnes, milestones, reminders] = await Promise.all([
      this.repository.fourOnes(row.workerId),
      this.repository.milestones(row.workerId),
      this.repository.reminders(row.workerId),
    ]);
    return toTraineeResponse(row, fourOnes, milestones, reminders.length);
  }

  // ---- plan workflow activities (idempotent on their keys) ----

  /** TRAIN-2: the four ones still missing; a reminder row per round when some are. */
  async remindFourOnes(workerId: string, round: number, dueBy: string): Promise<{ missing: string[] }> {
    const done = new Set((await this.repository.fourOnes(workerId)).map((f) => f.item));
    const missing = (['study-visit', 'secondment', 'research-topic', 'innovation-project'] as const).filter((k) => !done.has(k));
    if (missing.length > 0) await this.dataSource.transaction((em) => this.repository.insertReminder(em, workerId, round, dueBy, missing));
    return { missing };
  }

  /** TRAIN-2: decides the milestone from the evidence rows (libs/policy), records it and its event once. */
  async recordMilestone(workerId: string, milestone: PlanMilestone, on: string): Promise<{ met: boolean; missing: string[] }> {
    return this.dataSource.transaction(async (em) => {
      const existing = await this.repository.findMilestone(em, workerId, milestone);
      if (existing) return { met: existing.met, missing: existing.missing };
      const row = await this.repository.find(workerId, em);
      if (!row) throw DomainError.notFound(TRAINEE_ENTITY_NAME, workerId);
      const fourOnes: Partial<Record<FourOne, string>> = {};
      for (const f of await this.repository.fourOnes(workerId, em)) fourOnes[f.item] = f.doneOn;
      const policy = decide(() => this.catalog.inForce(on));
      const qualifiedYear = Number(on.slice(0, 4)) - (policy.training.matureByYears - policy.training.fourOnesWithinYears);
      const shortYears = milestone === 'mature' ? await this.repository.shortYears(workerId, qualifiedYear, Number(on.slice(0, 4))) : [];
      const decision = decide(() => developmentMilestone(policy, { milestone, serviceStart: row.hiredOn, fourOnes, shortYears }));
      const { met, missing } = decision.value;
      await this.repository.insertMilestone(em, workerId, { milestone, on, met, missing, explanation: decision.explanation });
      await this.outbox.append(em, {
        contract: planMilestoneContract,
        key: workerId,
        data: { workerId, unitCode: row.unitCode, milestone, on, met, missing, rules: decision.explanation.rules.map((r) => r.id) },
      });
      return { met, missing };
    });
  }

  closePlan(workerId: string, reason: 'exited' | 'completed'): Promise<void> {
    return this.repository.closePlan(workerId, reason);
  }
}
