import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, ErrorCode, OutboxWriter, ServiceClock, type Principal } from '@cwp/platform';
import { wagePublishedContract } from '@cwp/contracts';
import { payrollError } from '../core';
import { WageAccess } from './wage-access';
import { WAGE_ENTITY, wageAuditView } from './wage-audit';
import { wageEventData } from './wage-event-data';
import { WageRepository } from './wage.repository';
import { WageResponse, type CorrectWageDto, type PublishWageDto } from './wage.dto';
import { RecalibrationReopener } from './recalibration-reopener';
import { RecalibrationNudge } from './workflow/recalibration-nudge';

/**
 * PAY-1/PAY-3: the city average wage. Publication and correction each commit row + audit + event
 * in one transaction; the waiting recalibration is nudged after the commit. A correction re-opens,
 * in the same transaction and audited, every applied recalibration computed on that wage, and
 * starts its workflow again after the commit (new preview, new approval; arrears follow the apply).
 */
@Injectable()
export class WagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: WageRepository,
    private readonly access: WageAccess,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
    private readonly nudge: RecalibrationNudge,
    private readonly reopener: RecalibrationReopener,
  ) {}

  async publish(dto: PublishWageDto, principal: Principal): Promise<WageResponse> {
    this.access.assertMayPublish(principal);
    this.assertPast(dto.year);
    const row = await this.dataSource.transaction(async (em) => {
      const inserted = await this.repository.insert(em, dto.year, dto.annualFen, principal.sub);
      if (!inserted)
        throw payrollError(
          'WAGE_ALREADY_PUBLISHED',
          `The average wage of ${dto.year} is already published; correct it with a reason (PUT /wages/${dto.year})`,
          { field: 'year', details: { rule: 'PAY-3' } },
        );
      await this.audit.record(
        em,
        { action: 'publish', entity: WAGE_ENTITY, entityId: String(dto.year), after: wageAuditView(inserted) },
        principal,
      );
      await this.outbox.append(em, { contract: wagePublishedContract, key: String(dto.year), data: wageEventData(inserted) });
      return inserted;
    });
    await this.nudge.wageChanged(row.year, 'wage-published');
    return WageResponse.toResponse(row);
  }

  async correct(year: number, dto: CorrectWageDto, principal: Principal): Promise<WageResponse> {
    this.access.assertMayPublish(principal);
    const changed = await this.dataSource.transaction(async (em) => {
      const existing = await this.repository.find(year, em);
      if (!existing) throw DomainError.notFound(WAGE_ENTITY, String(year));
      if (existing.annualFen === dto.annualFen)
        throw DomainError.validation('annualFen', `annualFen: ${dto.annualFen} is the figure already published; a correction changes it`);
      const result = await this.repository.correct(em, year, dto.revision, dto.annualFen, dto.reason, principal.sub);
      if (!result)
        throw new DomainError(ErrorCode.VERSION_CONFLICT, `The wage of ${year} changed since revision ${dto.revision} was read`, {
          field: 'revision',
          details: { expected: dto.revision, current: existing.revision },
        });
      await this.audit.record(
        em,
        {
          action: 'correct',
          entity: WAGE_ENTITY,
          entityId: String(year),
          before: wageAuditView(result.before),
          after: { ...wageAuditView(result.after), reason: dto.reason },
        },
        principal,
      );
      await this.outbox.append(em, { contract: wagePublishedContract, key: String(year), data: wageEventData(result.after) });
      const effect = await this.reopener.reopen(em, year, result.after.revision, dto.reason);
      for (const r of effect.reopened) await this.reopener.recordReopen(em, r, principal);
      for (const payYear of effect.deferred)
        await this.reopener.recordDeferred(em, payYear, year, result.after.revision, dto.reason, principal);
      return { wage: result.after, reopened: effect.reopened };
    });
    await this.nudge.wageChanged(year, 'wage-corrected');
    for (const r of changed.reopened) await this.nudge.restart(r);
    return WageResponse.toResponse(changed.wage, await this.repository.corrections(year));
  }

  async get(year: number): Promise<WageResponse> {
    const row = await this.repository.find(year);
    if (!row) throw DomainError.notFound(WAGE_ENTITY, String(year));
    return WageResponse.toResponse(row, await this.repository.corrections(year));
  }

  async list(): Promise<WageResponse[]> {
    return (await this.repository.list()).map((row) => WageResponse.toResponse(row));
  }

  /** A year's average wage is known only once the year has begun (published the next year). */
  private assertPast(year: number): void {
    const current = Number(this.clock.today().slice(0, 4));
    if (year > current)
      throw DomainError.validation('year', `year: ${year} is in the future; the average wage of a year is published after it (PAY-3)`);
  }
}
