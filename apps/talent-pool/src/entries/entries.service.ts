import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  DomainError,
  ErrorCode,
  OutboxWriter,
  POLICY_CATALOG,
  PiiCipher,
  ServiceClock,
  WorkflowStarter,
  decide,
  isUniqueViolation,
  keysetStartOf,
  type KeysetQueryDto,
  type Principal,
} from '@cwp/platform';
import { checkNationalId, type PolicyCatalog } from '@cwp/policy';
import { EntryAccess } from './entry-access';
import {
  toEntryResponse,
  type EntryChangesResponse,
  type EntryPageResponse,
  type EntryResponse,
  type ListEntriesQueryDto,
  type RegisterEntryDto,
} from './entry.dto';
import { EntryRepository, ONE_ACTIVE_PER_PERSON_UNIT } from './entry.repository';
import { insertRegistered } from './insert-registered';
import { newEntryRow } from './new-entry-row';
import { poolSourceProblem } from './rules/pool-source.rule';
import { planReserve } from './rules/reserve-plan';
import { EntryWorkflow } from './workflow/entry-workflow';

/** Registering, reading and searching entries (POOL-1, POOL-2). Endings live in EntryEndings. */
@Injectable()
export class EntriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EntryRepository,
    private readonly access: EntryAccess,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly cipher: PiiCipher,
    private readonly starter: WorkflowStarter,
    private readonly workflow: EntryWorkflow,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly policies: PolicyCatalog,
  ) {}

  async register(dto: RegisterEntryDto, principal: Principal): Promise<EntryResponse> {
    await this.access.holdingUnit(principal, dto.holdingUnit, 'holdingUnit');
    const problem = poolSourceProblem(dto);
    if (problem)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, problem.message, { field: problem.field, details: { rule: problem.rule } });
    const id = checkNationalId(dto.nationalId, this.clock.now());
    if (!id.valid) throw DomainError.validation('nationalId', id.message);

    const today = this.clock.today();
    const plan = planReserve(
      decide(() => this.policies.inForce(today)),
      today,
      dto.reservePeriodMonths,
    );
    const row = newEntryRow(randomUUID(), { ...dto, nationalId: id.normalized }, plan, this.cipher, principal);

    let inserted: boolean;
    try {
      inserted = await insertRegistered(this.dataSource, row, principal, {
        repository: this.repository,
        audit: this.audit,
        outbox: this.outbox,
      });
    } catch (error) {
      // Belt and braces: the INSERT skips index conflicts, but a violation raised any other way
      // (e.g. a future second unique index) must still answer 409, never 500.
      if (!isUniqueViolation(error, ONE_ACTIVE_PER_PERSON_UNIT)) throw error;
      inserted = false;
    }
    if (!inserted) {
      throw new DomainError(ErrorCode.DUPLICATE, `This person already has an active entry held by unit ${dto.holdingUnit}`, {
        field: 'nationalId',
        details: { holdingUnit: dto.holdingUnit },
      });
    }

    // Never throws, never waits on a Temporal outage: what it cannot start, the reconciler will.
    await this.starter.startAfterCommit(this.workflow, row);
    // The row as committed (the response shows no column the database fills in): no read back.
    return toEntryResponse(row);
  }

  async get(id: string, principal: Principal): Promise<EntryResponse> {
    return toEntryResponse(await this.access.visible(id, principal, 'read'));
  }

  /** A `unit` filter outside the caller's scope (or not in the tree) is 404 and audited, like a record. */
  async list(query: ListEntriesQueryDto, principal: Principal): Promise<EntryPageResponse> {
    if (query.unit) await this.access.listableUnit(principal, query.unit, 'unit');
    const { rows, total } = await this.repository.search(
      {
        page: query.page,
        pageSize: query.pageSize,
        ...(query.source ? { source: query.source } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.unit ? { unit: query.unit } : {}),
        ...(query.expiringBefore ? { expiringBefore: query.expiringBefore } : {}),
      },
      principal,
    );
    return { items: rows.map(toEntryResponse), page: query.page, pageSize: query.pageSize, total };
  }

  /** One page of the integrators' walk in (updatedAt, id) order over the caller's subtree (issue 14). */
  async changedSince(query: KeysetQueryDto, principal: Principal): Promise<EntryChangesResponse> {
    const page = await this.repository.changes(principal, keysetStartOf(query), query.limit);
    return { items: page.rows.map(toEntryResponse), nextCursor: page.nextCursor, hasMore: page.hasMore };
  }
}
