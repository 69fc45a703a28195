import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Jurisdiction, AuditTrail, OrgUnitDirectory, OutboxWriter, PiiCipher, ServiceClock, type Principal } from '@cwp/platform';
import { checkNationalId, type PolicyCatalog } from '@cwp/policy';
import { EntryWorkflows } from '../workflow/entry-workflows';
import { insertRegistered } from './insert-registered';
import { toEntryResponse, type EntryPageResponse, type EntryResponse, type ListEntriesQueryDto, type RegisterEntryDto } from './entry.dto';
import type { EntryEntity } from './entry.entity';
import { EntryRepository, ONE_ACTIVE_PER_PERSON_UNIT } from './entry.repository';
import { decide } from './policy-errors';
import { poolSourceProblem } from './pool-source.rule';
import { newEntryRow } from './new-entry-row';
import { planReserve } from './reserve-plan';

export const POLICY_CATALOG = Symbol('POLICY_CATALOG');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOLDING_KINDS = new Set(['street', 'district']);

/** Registering, reading and searching entries (POOL-1, POOL-2). Endings live in EntryEndings. */
@Injectable()
export class EntriesService {
  private readonly logger = new Logger('EntriesService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EntryRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly jurisdiction: Jurisdiction,
    private readonly directory: OrgUnitDirectory,
    private readonly cipher: PiiCipher,
    private readonly workflows: EntryWorkflows,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly policies: PolicyCatalog,
  ) {}

  async register(dto: RegisterEntryDto, principal: Principal): Promise<EntryResponse> {
    await this.assertHoldingUnit(dto.holdingUnit, principal);
    const problem = poolSourceProblem(dto);
    if (problem) throw new DomainError(ErrorCode.VALIDATION_FAILED, problem.message, { field: problem.field, details: { rule: problem.rule } });
    const id = checkNationalId(dto.nationalId, this.clock.now());
    if (!id.valid) throw DomainError.validation('nationalId', id.message);

    const today = this.clock.today();
    const plan = planReserve(decide(() => this.policies.inForce(today)), today, dto.reservePeriodMonths);

    const row = newEntryRow(randomUUID(), { ...dto, nationalId: id.normalized }, plan, this.cipher, principal);

    let inserted: boolean;
    try {
      inserted = await this.dataSource.transaction((em) =>
        insertRegistered(em, row, principal, { repository: this.repository, audit: this.audit, outbox: this.outbox }),
      );
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

    await this.startWorkflow(row);
    const saved = await this.repository.findById(row.id);
    return toEntryResponse(saved ?? row);
  }

  async get(id: string, principal: Principal): Promise<EntryResponse> {
    return toEntryResponse(await this.visible(id, principal, 'read'));
  }

  async list(query: ListEntriesQueryDto, principal: Principal): Promise<EntryPageResponse> {
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

  /** The row, or 404 when it is missing or outside the caller's scope (the denial is audited). */
  async visible(id: string, principal: Principal, action: string): Promise<EntryEntity> {
    const row = UUID.test(id) ? await this.repository.findById(id) : undefined;
    if (!row) throw DomainError.notFound('Talent-pool entry', id);
    await this.jurisdiction.assertWithin(principal, row.holdingUnit, { entity: 'Talent-pool entry', entityId: id, action });
    return row;
  }

  /**
   * Starts the entry's timer after the commit. If this process dies (or Temporal is down) between
   * the commit and the start, `workflow_started_at` stays null and the reconciler starts it later.
   */
  async startWorkflow(row: EntryEntity): Promise<void> {
    try {
      await this.workflows.start(row);
      await this.repository.markWorkflowStarted(row.id);
    } catch (error) {
      this.logger.warn({ msg: 'entry workflow not started yet; the reconciler will retry', entryId: row.id, error: String(error) });
    }
  }

  /** The holding unit must be a street or district of the tree, inside the caller's scope. */
  private async assertHoldingUnit(code: string, principal: Principal): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, code, 'holdingUnit', 'register');
    const unit = this.directory.get(code);
    if (!unit || !HOLDING_KINDS.has(unit.kind)) {
      throw DomainError.validation('holdingUnit', `holdingUnit ${code} must be a street or a district (it is a ${unit?.kind ?? 'unknown unit'})`);
    }
  }
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driver?.code === '23505' && driver.constraint === constraint;
}
