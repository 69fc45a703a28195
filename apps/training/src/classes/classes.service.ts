import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { certificateRecordedContract } from '@cwp/contracts';
import { AuditTrail, DomainError, ErrorCode, OutboxWriter, ServiceClock, scopeOf, type Principal } from '@cwp/platform';
import { TrainingError } from '../core';
import { LibraryRepository } from '../library';
import { TraineeAccess, TraineeRepository, type TraineeRow } from '../roster';
import { ClassAccess } from './class-access';
import { ClassRepository } from './class.repository';
import type { ClassRow } from './class.row';
import {
  toCertificateResponse,
  toClassResponse,
  toHoursResponse,
  type AttendanceResponse,
  type CertificateResponse,
  type ClassPageResponse,
  type ClassResponse,
  type CreateClassDto,
  type EnrolDto,
  type EnrolResponse,
  type HoursEntryResponse,
  type OnlineCompletionDto,
  type RecordAttendanceDto,
  type RecordCertificateDto,
  type WorkerHoursResponse,
} from './class.dto';

/** Classes, enrolments, hours (TRAIN-3, TRAIN-4), online completions and certificates (TRAIN-8). */
@Injectable()
export class ClassesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ClassRepository,
    private readonly access: ClassAccess,
    private readonly library: LibraryRepository,
    private readonly trainees: TraineeRepository,
    private readonly traineeAccess: TraineeAccess,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
  ) {}

  async create(dto: CreateClassDto, principal: Principal): Promise<ClassResponse> {
    await this.access.organisingUnit(principal, dto.unitCode);
    if (dto.endsOn < dto.startsOn) throw DomainError.validation('endsOn', 'endsOn must not be before startsOn');
    const course = await this.library.find(dto.courseId);
    if (!course || course.kind !== 'course')
      throw new DomainError(ErrorCode.NOT_FOUND, `Course ${dto.courseId} not found`, { field: 'courseId' });
    const row: ClassRow = { id: randomUUID(), ...dto, enrolled: 0, createdBy: principal.sub, version: 1 };
    await this.dataSource.transaction(async (em) => {
      await this.repository.insert(em, row);
      await this.audit.record(
        em,
        {
          action: 'create',
          entity: 'training_class',
          entityId: row.id,
          after: { courseId: row.courseId, unitCode: row.unitCode, offJob: row.offJob },
        },
        principal,
      );
    });
    return toClassResponse(row);
  }

  async get(id: string, principal: Principal): Promise<ClassResponse> {
    return toClassResponse(await this.access.visible(id, principal, 'read'));
  }

  async list(principal: Principal): Promise<ClassPageResponse> {
    return { items: (await this.repository.within(scopeOf(principal), 200)).map(toClassResponse) };
  }

  /** Enrols the caller's workers (each active and in scope); all or nothing when the class is full. */
  async enrol(id: string, dto: EnrolDto, principal: Principal): Promise<EnrolResponse> {
    const cls = await this.access.visible(id, principal, 'enrol');
    const workers = await this.activeWorkers(dto.workerIds, (i) => `workerIds.${i}`);
    await this.access.workersWithin(principal, workers, (i) => `workerIds.${i}`);
    const enrolled: string[] = [];
    const already: string[] = [];
    await this.dataSource.transaction(async (em) => {
      for (const w of workers) {
        const result = await this.repository.enrol(em, cls.id, w.workerId, dto.source ?? 'operator', principal.sub);
        if (result === null)
          throw new DomainError(TrainingError.CLASS_FULL, `Class ${cls.id} is full (${cls.capacity} places)`, { field: 'workerIds' });
        (result ? enrolled : already).push(w.workerId);
      }
      if (enrolled.length)
        await this.audit.record(
          em,
          { action: 'enrol', entity: 'training_class', entityId: cls.id, after: { workers: enrolled.length } },
          principal,
        );
    });
    return { enrolled, already, class: toClassResponse((await this.repository.find(cls.id))!) };
  }

  /** TRAIN-3/TRAIN-4: attendance of enrolled workers within the class's dates; hours flagged off-the-job from the class. */
  async recordAttendance(id: string, dto: RecordAttendanceDto, principal: Principal): Promise<AttendanceResponse> {
    const cls = await this.access.runBy(id, principal, 'record-attendance');
    dto.records.forEach((r, i) => {
      if (r.attendedOn < cls.startsOn || r.attendedOn > cls.endsOn)
        throw DomainError.validation(
          `records.${i}.attendedOn`,
          `attendedOn must lie within the class dates ${cls.startsOn}..${cls.endsOn}`,
        );
    });
    const course = await this.library.find(cls.courseId);
    const recorded = await this.dataSource.transaction(async (em) => {
      const enrolled = await this.repository.enrolledOf(
        em,
        cls.id,
        dto.records.map((r) => r.workerId),
      );
      const notEnrolled = dto.records.findIndex((r) => !enrolled.has(r.workerId));
      if (notEnrolled >= 0) {
        throw new DomainError(
          TrainingError.NOT_ENROLLED,
          `Worker ${dto.records[notEnrolled]!.workerId} is not enrolled in class ${cls.id}`,
          {
            field: `records.${notEnrolled}.workerId`,
          },
        );
      }
      const records = dto.records.map((r) => ({ workerId: r.workerId, onDate: r.attendedOn, hours: r.hours }));
      const n = await this.repository.insertAttendance(em, cls, course?.module ?? null, records, principal.sub);
      await this.audit.record(
        em,
        { action: 'record-attendance', entity: 'training_class', entityId: cls.id, after: { rows: n } },
        principal,
      );
      return n;
    });
    return { recorded };
  }

  /**
   * An e-learning system reports an online completion (TRAIN-3 hours; online, so never off-the-job).
   * Idempotent per completion id: a replay answers the stored row (200); the same id with other
   * content is refused (409 COMPLETION_MISMATCH).
   */
  async recordCompletion(dto: OnlineCompletionDto, principal: Principal): Promise<{ created: boolean; entry: HoursEntryResponse }> {
    const [worker] = await this.activeWorkers([dto.workerId], () => 'workerId');
    if (dto.completedOn < worker!.hiredOn)
      throw DomainError.validation('completedOn', `completedOn must not be before the first day of service (${worker!.hiredOn})`);
    if (dto.completedOn > this.clock.today()) throw DomainError.validation('completedOn', 'completedOn must not be in the future');
    const course = dto.courseId ? await this.library.find(dto.courseId) : undefined;
    if (dto.courseId && (!course || course.kind !== 'course'))
      throw new DomainError(ErrorCode.NOT_FOUND, `Course ${dto.courseId} not found`, { field: 'courseId' });
    const result = await this.dataSource.transaction(async (em) => {
      const stored = await this.repository.insertCompletion(
        em,
        {
          id: randomUUID(),
          workerId: dto.workerId,
          onDate: dto.completedOn,
          hours: dto.hours,
          offJob: false,
          source: 'online',
          classId: null,
          courseId: dto.courseId ?? null,
          completionId: dto.completionId,
          module: course?.module ?? null,
        },
        principal.sub,
      );
      if (stored.created) {
        await this.audit.record(
          em,
          {
            action: 'record-completion',
            entity: 'trainee',
            entityId: dto.workerId,
            after: { completionId: dto.completionId, hours: dto.hours },
          },
          principal,
        );
      }
      return stored;
    });
    const r = result.row;
    if (
      !result.created &&
      (r.workerId !== dto.workerId || r.onDate !== dto.completedOn || r.hours !== dto.hours || r.courseId !== (dto.courseId ?? null))
    ) {
      throw new DomainError(TrainingError.COMPLETION_MISMATCH, `Completion ${dto.completionId} was recorded with other content`, {
        field: 'completionId',
      });
    }
    return { created: result.created, entry: toHoursResponse(r) };
  }

  async hoursOf(workerId: string, year: number, principal: Principal): Promise<WorkerHoursResponse> {
    await this.traineeAccess.visible(workerId, principal, 'read-hours');
    const { rows, total, offJob } = await this.repository.hoursOf(workerId, year);
    return { workerId, year, total, offJob, entries: rows.map(toHoursResponse) };
  }

  /** TRAIN-8: an exam passed; recorded once per worker and kind, published for workforce and recruitment. */
  async recordCertificate(dto: RecordCertificateDto, principal: Principal): Promise<CertificateResponse> {
    const worker = await this.traineeAccess.visible(dto.workerId, principal, 'record-certificate');
    if (dto.passedOn > this.clock.today()) throw DomainError.validation('passedOn', 'passedOn must not be in the future');
    const row = { id: randomUUID(), workerId: dto.workerId, kind: dto.kind, passedOn: dto.passedOn };
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.insertCertificate(em, row, principal.sub))) {
        throw new DomainError(ErrorCode.DUPLICATE, `Worker ${dto.workerId} already has a ${dto.kind} certificate on record`, {
          field: 'kind',
        });
      }
      await this.audit.record(
        em,
        { action: 'record-certificate', entity: 'trainee', entityId: dto.workerId, after: { kind: dto.kind, passedOn: dto.passedOn } },
        principal,
      );
      await this.outbox.append(em, {
        contract: certificateRecordedContract,
        key: dto.workerId,
        data: { certificateId: row.id, workerId: row.workerId, unitCode: worker.unitCode, kind: row.kind, passedOn: row.passedOn },
      });
    });
    return toCertificateResponse(row);
  }

  /** The named workers, each on the roster and active, else 422 WORKER_NOT_ACTIVE / 404 naming the field. */
  private async activeWorkers(ids: string[], field: (i: number) => string): Promise<TraineeRow[]> {
    const rows: TraineeRow[] = [];
    for (const [i, id] of ids.entries()) {
      const row = await this.trainees.find(id);
      if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `Trainee ${id} not found`, { field: field(i) });
      if (row.status !== 'active') throw new DomainError(TrainingError.WORKER_NOT_ACTIVE, `Worker ${id} has left`, { field: field(i) });
      rows.push(row);
    }
    return rows;
  }
}
