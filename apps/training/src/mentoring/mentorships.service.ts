import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PolicyCatalog } from '@cwp/policy';
import {
  AuditTrail,
  DomainError,
  ErrorCode,
  Jurisdiction,
  POLICY_CATALOG,
  ServiceClock,
  WorkflowStarter,
  decide,
  isUuid,
  type Principal,
} from '@cwp/platform';
import { TraineeAccess } from '../roster';
import { MentorshipRepository } from './mentorship.repository';
import type { MentorshipRow } from './mentorship.row';
import { toMentorshipResponse, type CheckinDto, type CreateMentorshipDto, type MentorshipResponse } from './mentorship.dto';
import { mentorFit } from './rules/mentor-fit';
import { MentorshipWorkflow } from './workflow/mentorship-workflow';

/** TRAIN-9: the default check-in period of a pair (days). */
const DEFAULT_CHECKIN_EVERY_DAYS = 30;

const ENTITY = 'Mentorship';

/** Mentoring pairs with a plan, objectives and check-ins (TRAIN-9). */
@Injectable()
export class MentorshipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentorshipRepository,
    private readonly trainees: TraineeAccess,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
    private readonly clock: ServiceClock,
    private readonly starter: WorkflowStarter,
    private readonly workflow: MentorshipWorkflow,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
  ) {}

  async create(dto: CreateMentorshipDto, principal: Principal): Promise<MentorshipResponse> {
    if (dto.endsOn <= dto.startsOn) throw DomainError.validation('endsOn', 'endsOn must be after startsOn');
    const mentee = await this.inField(() => this.trainees.visible(dto.menteeId, principal, 'mentor'), 'menteeId');
    const mentor = await this.inField(() => this.trainees.visible(dto.mentorId, principal, 'mentor'), 'mentorId');
    for (const [w, field] of [
      [mentor, 'mentorId'],
      [mentee, 'menteeId'],
    ] as const) {
      if (w.status !== 'active') throw DomainError.validation(field, `${field} ${w.workerId} has left`);
    }
    const policy = decide(() => this.catalog.inForce(dto.startsOn), { dateField: 'startsOn' });
    const fit = mentorFit(mentor, mentee, dto.startsOn, policy.training.fourOnesWithinYears);
    if (!fit.ok)
      throw new DomainError(ErrorCode.BUSINESS_RULE_VIOLATED, fit.reason, { field: fit.field!, details: { rule: 'TRAIN-9', ...fit } });
    const row: MentorshipRow = {
      id: randomUUID(),
      ...dto,
      checkinEveryDays: dto.checkinEveryDays ?? DEFAULT_CHECKIN_EVERY_DAYS,
      status: 'open',
      unitCode: mentee.unitCode,
    };
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.insert(em, row, principal.sub)))
        throw new DomainError(ErrorCode.DUPLICATE, 'This pair already has a plan starting that day', { field: 'startsOn' });
      await this.audit.record(
        em,
        { action: 'create', entity: 'mentorship', entityId: row.id, after: { mentorId: row.mentorId, menteeId: row.menteeId } },
        principal,
      );
    });
    await this.starter.startAfterCommit(this.workflow, row);
    return toMentorshipResponse(row, []);
  }

  async get(id: string, principal: Principal): Promise<MentorshipResponse> {
    const row = await this.visible(id, principal, 'read');
    return toMentorshipResponse(row, await this.repository.checkins(id), await this.repository.reminders(id));
  }

  /** Activity (TRAIN-9): a reminder for a period without a check-in, once per pair and due date. */
  remind(id: string, since: string, dueBy: string): Promise<{ reminded: boolean; lastCheckin: string | null }> {
    return this.dataSource.transaction((em) => this.repository.remindIfSilent(em, id, since, dueBy));
  }

  /** Activity (TRAIN-9): the plan's last day: the pair is closed; returns the objectives met at its latest check-in. */
  async close(id: string): Promise<{ objectivesMet: number }> {
    await this.repository.close(id);
    const latest = (await this.repository.checkins(id)).at(-1);
    return { objectivesMet: latest ? latest.objectivesMet.length : 0 };
  }

  async checkin(id: string, dto: CheckinDto, principal: Principal): Promise<MentorshipResponse> {
    const row = await this.visible(id, principal, 'checkin');
    if (dto.onDate < row.startsOn || dto.onDate > row.endsOn)
      throw DomainError.validation('onDate', `onDate must lie within ${row.startsOn}..${row.endsOn}`);
    if (dto.onDate > this.clock.today()) throw DomainError.validation('onDate', 'onDate must not be in the future');
    const beyond = dto.objectivesMet.findIndex((i) => i >= row.objectives.length);
    if (beyond >= 0) throw DomainError.validation(`objectivesMet.${beyond}`, `the plan has ${row.objectives.length} objectives`);
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.insertCheckin(em, id, dto, principal.sub)))
        throw new DomainError(ErrorCode.DUPLICATE, `A check-in on ${dto.onDate} is already recorded`, { field: 'onDate' });
      await this.audit.record(
        em,
        { action: 'checkin', entity: 'mentorship', entityId: id, after: { onDate: dto.onDate, met: dto.objectivesMet.length } },
        principal,
      );
    });
    return toMentorshipResponse(row, await this.repository.checkins(id));
  }

  private async visible(id: string, principal: Principal, action: string): Promise<MentorshipRow> {
    const row = isUuid(id) ? await this.repository.find(id) : undefined;
    if (!row) throw DomainError.notFound(ENTITY, id);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: ENTITY, entityId: id, action });
    return row;
  }

  private async inField<T>(read: () => Promise<T>, field: string): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, { field });
      throw error;
    }
  }
}
