import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, ServiceClock, type Principal } from '@cwp/platform';
import { workerChangedContract, type WorkerChangedField, type WorkerRole, type WorkerTitle } from '@cwp/contracts';
import { nextRole, type Explanation } from '@cwp/policy';
import { postForRole } from './rules/post';
import { TitleStructureGuard } from './title-structure.guard';
import { WorkerAccess } from './worker-access';
import { WorkerChanges } from './worker-changes';
import { workerEventData } from './worker-events';
import { toWorkerResponse, type PromotionDto, type WorkerResponse } from './worker.dto';
import type { WorkerRow } from './worker.row';
import type { EntityManager } from 'typeorm';

export interface PromotionResponse {
  worker: WorkerResponse;
  promotion: { ladder: 'title' | 'role'; from: string | null; to: string; explanation: Explanation };
}

/** PROM-1 promotions one step up the title or the role ladder; titles also under PROM-3. */
@Injectable()
export class PromotionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkerAccess,
    private readonly changes: WorkerChanges,
    private readonly guard: TitleStructureGuard,
    private readonly clock: ServiceClock,
  ) {}

  async promote(id: string, dto: PromotionDto, principal: Principal): Promise<PromotionResponse> {
    if ((dto.toTitle === undefined) === (dto.toRole === undefined)) {
      throw DomainError.validation(
        dto.toTitle === undefined ? 'toTitle' : 'toRole',
        'Send exactly one of toTitle (title ladder) or toRole (role ladder)',
      );
    }
    await this.access.visible(id, principal, 'promote');
    const today = this.clock.today();
    const effectiveOn = dto.effectiveOn ?? today;
    return this.dataSource.transaction(async (em) => {
      const row = await this.changes.current(em, id, dto.version);
      if (effectiveOn < row.hiredOn)
        throw DomainError.validation('effectiveOn', `effectiveOn ${effectiveOn} is before the worker was hired (${row.hiredOn})`);
      return dto.toTitle !== undefined
        ? this.title(em, row, dto.toTitle, effectiveOn, today, principal)
        : this.role(em, row, dto.toRole!, effectiveOn, today, principal);
    });
  }

  private async title(
    em: EntityManager,
    row: WorkerRow,
    to: WorkerTitle,
    effectiveOn: string,
    today: string,
    principal: Principal,
  ): Promise<PromotionResponse> {
    const decision = await this.guard.check(em, row, to, today);
    const after = await this.changes.apply(em, row, principal, {
      action: 'promote',
      changes: { title: to },
      history: {
        kind: 'promoted',
        occurredOn: effectiveOn,
        details: { ladder: 'title', from: row.title, to, explanation: decision.explanation },
      },
      event: (w) => ({
        contract: workerChangedContract,
        key: w.id,
        data: workerEventData.changed(w, 'title-promotion', ['title'], effectiveOn),
      }),
    });
    return {
      worker: toWorkerResponse(after, today),
      promotion: { ladder: 'title', from: row.title, to, explanation: decision.explanation },
    };
  }

  private async role(
    em: EntityManager,
    row: WorkerRow,
    to: WorkerRole,
    effectiveOn: string,
    today: string,
    principal: Principal,
  ): Promise<PromotionResponse> {
    const next = nextRole(row.role);
    if (next.value.next !== to) {
      throw new DomainError(
        ErrorCode.BUSINESS_RULE_VIOLATED,
        next.value.next === null
          ? `${row.role} is the top of the internal role ladder (PROM-1; further paths are external, PROM-2)`
          : `A role promotion goes one step at a time: ${row.role} → ${next.value.next}, not ${to} (PROM-1)`,
        {
          field: 'toRole',
          details: { rule: 'PROM-1', reason: 'NOT_NEXT_ROLE', from: row.role, next: next.value.next, explanation: next.explanation },
        },
      );
    }
    const post = postForRole(to);
    const fields: WorkerChangedField[] = ['role'];
    if (post.postCategory !== row.postCategory) fields.push('postCategory');
    if (post.postRole !== row.postRole) fields.push('postRole');
    const after = await this.changes.apply(em, row, principal, {
      action: 'promote',
      changes: { role: to, post_category: post.postCategory, post_role: post.postRole },
      history: {
        kind: 'promoted',
        occurredOn: effectiveOn,
        details: { ladder: 'role', from: row.role, to, explanation: next.explanation },
      },
      event: (w) => ({
        contract: workerChangedContract,
        key: w.id,
        data: workerEventData.changed(w, 'role-promotion', fields, effectiveOn),
      }),
    });
    return { worker: toWorkerResponse(after, today), promotion: { ladder: 'role', from: row.role, to, explanation: next.explanation } };
  }
}
