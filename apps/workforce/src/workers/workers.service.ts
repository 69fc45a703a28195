import { randomUUID } from 'node:crypto';
import { Injectable, Optional, type StreamableFile } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  DomainError,
  ErrorCode,
  OutboxWriter,
  PiiCipher,
  type ColumnChanges,
  keysetStartOf,
  type KeysetQueryDto,
  scopeOf,
  ServiceClock,
  tabularFile,
  type Principal,
} from '@cwp/platform';
import {
  WORKER_TITLES,
  workerChangedContract,
  workerHiredContract,
  type ApplicantAppointedData,
  type PostCategory,
  type WorkerChangedField,
  type WorkerRole,
  type WorkerTitle,
} from '@cwp/contracts';
import { StaffingPublisher } from '../staffing';
import { checkNationalId, maskNationalId, type Explanation } from '@cwp/policy';
import { ageOn, birthDateRange } from './rules/age-band';
import { postForRole } from './rules/post';
import { TitleStructureGuard } from './title-structure.guard';
import { WorkerAccess } from './worker-access';
import { WORKER_AUDIT_ENTITY, WORKER_PERSONAL_FIELDS, workerAuditView } from './worker-audit';
import { WorkerChanges } from './worker-changes';
import { workerEventData } from './worker-events';
import {
  toWorkerResponse,
  type HireWorkerDto,
  type ExportWorkersQueryDto,
  type ListWorkersQueryDto,
  type UpdateWorkerDto,
  type WorkerChangesResponse,
  type WorkerFiltersDto,
  type WorkerPageResponse,
  type WorkerResponse,
} from './worker.dto';
import { WorkerRepository, type WorkerFilter } from './worker.repository';
import { ROSTER_HEADERS, rosterCells } from './roster-export';
import type { NewWorker, WorkerRow } from './worker.row';

/** ORG-1: of working age on the day of hire (16 up to the latest retirement age). */
const HIRE_AGE = { min: 16, max: 65 } as const;
/** The PROM-1 role an appointment starts in, by the post's POST-1 category. */
const APPOINTED_ROLE: Readonly<Record<PostCategory, WorkerRole>> = { staff: 'staff', manager: 'manager', head: 'head' };
const titleRank = (title: WorkerTitle | null): number => (title === null ? -1 : WORKER_TITLES.indexOf(title));

export type UpdatedWorkerResponse = WorkerResponse & { titleDecision?: Explanation };

/** Hiring, reading, searching and changing a worker's post (POST-1..3, PROM-1, PROM-3). */
@Injectable()
export class WorkersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: WorkerRepository,
    private readonly access: WorkerAccess,
    private readonly changes: WorkerChanges,
    private readonly guard: TitleStructureGuard,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly cipher: PiiCipher,
    private readonly clock: ServiceClock,
    // The app's StaffingModule (issue 10); test apps of the roster alone run without it.
    @Optional() private readonly staffing?: StaffingPublisher,
  ) {}

  /** Appointment (REC-1) or election (ORG-3): the row, its history, audit and `hired` event together. */
  async hire(dto: HireWorkerDto, principal: Principal): Promise<WorkerResponse> {
    await this.access.employingUnit(principal, dto.unitCode, 'unitCode', 'hire');
    const post = postForRole(dto.role, dto.postCategory, dto.postRole);
    const today = this.clock.today();
    let birthDate = dto.birthDate;
    let nationalId: string | undefined;
    if (dto.nationalId !== undefined) {
      const id = checkNationalId(dto.nationalId, this.clock.now());
      if (!id.valid) throw DomainError.validation('nationalId', id.message);
      if (birthDate !== undefined && birthDate !== id.birthDate)
        throw DomainError.validation('birthDate', 'birthDate does not match the birth date in nationalId');
      birthDate = id.birthDate;
      nationalId = id.normalized;
    }
    if (birthDate === undefined) throw DomainError.validation('birthDate', 'birthDate is required unless nationalId is given');
    const hiredOn = dto.hiredOn ?? today;
    const age = ageOn(birthDate, hiredOn);
    if (age < HIRE_AGE.min || age > HIRE_AGE.max) {
      throw DomainError.validation(
        'birthDate',
        `Age on hiredOn is ${age}: a community worker is of working age, ${HIRE_AGE.min}..${HIRE_AGE.max} (ORG-1)`,
      );
    }

    const row: NewWorker = {
      id: randomUUID(),
      unit_code: dto.unitCode,
      status: 'on-duty',
      entry_route: dto.entryRoute,
      post_category: post.postCategory,
      post_level: dto.postLevel,
      post_role: post.postRole,
      title: dto.title ?? null,
      role: dto.role,
      name: dto.name,
      gender: dto.gender ?? null,
      birth_date: birthDate,
      education: dto.education,
      major: dto.major ?? null,
      hired_on: hiredOn,
      national_id_enc: nationalId ? this.cipher.encrypt(nationalId, 'national-id') : null,
      national_id_masked: nationalId ? maskNationalId(nationalId) : null,
      person_ref: nationalId ? this.cipher.personRef(nationalId) : null,
      talent_pool_entry_id: dto.talentPoolEntryId ?? null,
      campaign_id: dto.campaignId ?? null,
      created_by: principal.sub,
    };
    const saved = await this.dataSource.transaction(async (em) => {
      const after = await this.writeHire(em, row, hiredOn, principal);
      if (!after) {
        throw new DomainError(ErrorCode.DUPLICATE, 'This person is already a current worker (one record per person until they exit)', {
          field: 'nationalId',
        });
      }
      return after;
    });
    return toWorkerResponse(saved, today);
  }

  /**
   * REC-1 through the recruitment service: `cwp.recruitment.applicant.appointed.v1` becomes a
   * recruited worker of the employing street at post level 1, inside the caller's (inbox)
   * transaction, through the same writes as an API hire. The person is matched by personRef (the
   * national ID never leaves recruitment): undefined when they are already a current worker.
   */
  async hireAppointed(em: EntityManager, appointed: ApplicantAppointedData, principal: Principal): Promise<WorkerRow | undefined> {
    const role = APPOINTED_ROLE[appointed.postCategory];
    const post = postForRole(role, appointed.postCategory);
    const row: NewWorker = {
      id: randomUUID(),
      unit_code: appointed.unitCode,
      status: 'on-duty',
      entry_route: 'recruited',
      post_category: post.postCategory,
      post_level: 1,
      post_role: post.postRole,
      title: null,
      role,
      name: appointed.name,
      gender: appointed.gender,
      birth_date: appointed.birthDate,
      education: appointed.education,
      major: appointed.major,
      hired_on: appointed.appointedOn,
      national_id_enc: null,
      national_id_masked: null,
      person_ref: appointed.personRef,
      talent_pool_entry_id: appointed.talentPoolEntryId,
      campaign_id: appointed.campaignId,
      created_by: principal.sub,
    };
    return this.writeHire(em, row, appointed.appointedOn, principal);
  }

  /** The writes of a hire in the caller's transaction: row, history, audit, `hired` event, staffing. Undefined for a current worker's duplicate. */
  private async writeHire(em: EntityManager, row: NewWorker, hiredOn: string, principal: Principal): Promise<WorkerRow | undefined> {
    if (!(await this.repository.insert(em, row))) return undefined;
    const after = (await this.repository.findById(row.id, em))!;
    await this.repository.addHistory(em, {
      workerId: after.id,
      kind: 'hired',
      unitCode: after.unitCode,
      occurredOn: hiredOn,
      recordedBy: principal.sub,
      details: {
        entryRoute: after.entryRoute,
        postCategory: after.postCategory,
        postLevel: after.postLevel,
        title: after.title,
        role: after.role,
      },
    });
    await this.audit.record(
      em,
      {
        action: 'hire',
        entity: WORKER_AUDIT_ENTITY,
        entityId: after.id,
        after: workerAuditView(after),
        personalFields: WORKER_PERSONAL_FIELDS,
      },
      principal,
    );
    await this.outbox.append(em, { contract: workerHiredContract, key: after.id, data: workerEventData.hired(after) });
    await this.staffing?.publishChanged(em, [after.unitCode]);
    return after;
  }

  async get(id: string, principal: Principal): Promise<WorkerResponse> {
    return toWorkerResponse(await this.access.visible(id, principal, 'read'), this.clock.today());
  }

  async list(query: ListWorkersQueryDto, principal: Principal): Promise<WorkerPageResponse> {
    if (query.unit) await this.access.listableUnit(principal, query.unit, 'unit');
    const today = this.clock.today();
    const { rows, total } = await this.repository.search(
      {
        ...filtersOf(query, today),
        page: query.page,
        pageSize: query.pageSize,
        ...(query.sort ? { sort: query.sort } : {}),
        ...(query.order ? { order: query.order } : {}),
      },
      principal,
    );
    return { items: rows.map((r) => toWorkerResponse(r, today)), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * The roster of the caller's subtree (with the list's filters) as CSV or XLSX with Chinese
   * headers and labels, streamed from a database cursor as fast as the client reads (issue 14):
   * a city of 620,000 workers never sits in memory (workers-export.bench.ts).
   */
  async export(query: ExportWorkersQueryDto, principal: Principal): Promise<StreamableFile> {
    if (query.unit) await this.access.listableUnit(principal, query.unit, 'unit');
    const today = this.clock.today();
    const rows = this.repository.streamAll(filtersOf(query, today), principal);
    const cells = (async function* () {
      for await (const row of rows) yield rosterCells(row, today);
    })();
    return tabularFile(query.format, `roster-${query.unit ?? scopeOf(principal)}-${today}`, ROSTER_HEADERS, cells, '花名册');
  }

  /** One page of the integrators' walk in (updatedAt, id) order over the caller's subtree (issue 14). */
  async changedSince(query: KeysetQueryDto, principal: Principal): Promise<WorkerChangesResponse> {
    const today = this.clock.today();
    const page = await this.repository.changes({}, principal, keysetStartOf(query), query.limit);
    return { items: page.rows.map((r) => toWorkerResponse(r, today)), nextCursor: page.nextCursor, hasMore: page.hasMore };
  }

  /**
   * PATCH post category, level, refinement, title or role. A title may be corrected down or
   * cleared freely; a first title is junior; a raise goes through PROM-1 and PROM-3 as a promotion.
   */
  async update(id: string, dto: UpdateWorkerDto, principal: Principal): Promise<UpdatedWorkerResponse> {
    await this.access.visible(id, principal, 'update');
    const today = this.clock.today();
    return this.dataSource.transaction(async (em) => {
      const row = await this.changes.current(em, id, dto.version);
      const role = dto.role ?? row.role;
      const roleChanged = role !== row.role;
      const post = postForRole(role, dto.postCategory, dto.postRole !== undefined ? dto.postRole : roleChanged ? undefined : row.postRole);
      const columns: ColumnChanges = {};
      const fields: WorkerChangedField[] = [];
      const set = (field: WorkerChangedField, column: string, from: unknown, to: unknown): void => {
        if (from === to) return;
        columns[column] = to;
        fields.push(field);
      };
      set('role', 'role', row.role, role);
      set('postCategory', 'post_category', row.postCategory, post.postCategory);
      set('postRole', 'post_role', row.postRole, post.postRole);
      if (dto.postLevel !== undefined) set('postLevel', 'post_level', row.postLevel, dto.postLevel);
      let titleDecision: Explanation | undefined;
      if (dto.title !== undefined && dto.title !== row.title) {
        if (row.title === null && dto.title !== 'junior') {
          throw new DomainError(ErrorCode.BUSINESS_RULE_VIOLATED, `A first title is junior, not ${dto.title} (PROM-1, POST-3)`, {
            field: 'title',
            details: { rule: 'PROM-1' },
          });
        }
        if (row.title !== null && titleRank(dto.title) > titleRank(row.title)) {
          titleDecision = (await this.guard.check(em, row, dto.title!, today, 'title')).explanation;
        }
        set('title', 'title', row.title, dto.title);
      }
      if (fields.length === 0) return toWorkerResponse(row, today);
      const after = await this.changes.apply(em, row, principal, {
        action: 'update',
        changes: columns,
        history: { kind: 'changed', occurredOn: today, details: { changedFields: fields, ...(titleDecision ? { titleDecision } : {}) } },
        event: (w) => ({ contract: workerChangedContract, key: w.id, data: workerEventData.changed(w, 'post-change', fields, today) }),
      });
      return { ...toWorkerResponse(after, today), ...(titleDecision ? { titleDecision } : {}) };
    });
  }
}

/** The repository filter of a request's roster filters (an age band becomes birth dates as of today). */
function filtersOf(query: WorkerFiltersDto, today: string): WorkerFilter {
  return {
    ...(query.unit ? { unit: query.unit } : {}),
    ...(query.postCategory ? { postCategory: query.postCategory } : {}),
    ...(query.title ? { title: query.title } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.education ? { education: query.education } : {}),
    ...(query.ageBand ? { birthDates: birthDateRange(query.ageBand, today) } : {}),
  };
}
