import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, DomainError, ErrorCode, OutboxWriter, SYSTEM_PRINCIPAL, ServiceClock, type Principal } from '@cwp/platform';
import {
  entryExpiredContract,
  entryExpiringContract,
  entryJoinedContract,
  entryWithdrawnContract,
  type WorkerHiredData,
} from '@cwp/contracts';
import { AUDIT_ENTITY, auditView } from './entry-audit';
import { eventData } from './entry-event-data';
import { toEntryResponse, type EntryResponse, type JoinEntryDto, type WithdrawEntryDto } from './entry.dto';
import { ENTRY_ENTITY_NAME, EntryAccess } from './entry-access';
import type { EntryRow } from './entry.row';
import { EntryRepository, type EntryEnding } from './entry.repository';
import { EntryWorkflowSignals } from './workflow/entry-workflow.signals';

export interface ExpireOutcome {
  changed: boolean;
  status: 'expired' | 'joined' | 'withdrawn';
  endedOn: string | null;
}

/**
 * Every way an entry ends: joined (POOL-3, by API or by `cwp.workforce.worker.hired.v1`),
 * withdrawn, expired (POOL-2, by the workflow's timer), plus the expiry reminder. Each ending
 * changes the row (erasing personal data), writes the audit row and appends the event in ONE
 * transaction; workflows are signalled only after that commit.
 */
@Injectable()
export class EntryEndings {
  private readonly logger = new Logger('EntryEndings');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EntryRepository,
    private readonly access: EntryAccess,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly signals: EntryWorkflowSignals,
    private readonly clock: ServiceClock,
  ) {}

  /** POOL-3 through the API. */
  async join(id: string, dto: JoinEntryDto, principal: Principal): Promise<EntryResponse> {
    await this.access.visible(id, principal, 'join');
    const joinedOn = dto.joinedOn ?? this.clock.today();
    const row = await this.dataSource.transaction((em) =>
      this.endOrConflict(
        em,
        id,
        { status: 'joined', endedOn: joinedOn, joinRoute: 'api', joinedWorkerId: dto.workerId ?? null },
        principal,
      ),
    );
    await this.signals.joined(id, joinedOn);
    return toEntryResponse(row);
  }

  async withdraw(id: string, dto: WithdrawEntryDto, principal: Principal): Promise<EntryResponse> {
    await this.access.visible(id, principal, 'withdraw');
    const withdrawnOn = this.clock.today();
    const row = await this.dataSource.transaction((em) =>
      this.endOrConflict(em, id, { status: 'withdrawn', endedOn: withdrawnOn, withdrawReason: dto.reason }, principal),
    );
    await this.signals.withdrawn(id, withdrawnOn);
    return toEntryResponse(row);
  }

  /**
   * POOL-3 from the workforce service, inside the inbox transaction `em`. Ends the named entry
   * and every active entry of the same person (personRef), whatever unit holds them. Returns the
   * ids ended, for the caller to signal after its commit.
   */
  async joinFromHiredEvent(em: EntityManager, hired: WorkerHiredData): Promise<Array<{ id: string; joinedOn: string }>> {
    const candidates = new Set<string>();
    if (hired.talentPoolEntryId) candidates.add(hired.talentPoolEntryId);
    if (hired.personRef) for (const row of await this.repository.lockActiveByPersonRef(em, hired.personRef)) candidates.add(row.id);
    const ended: Array<{ id: string; joinedOn: string }> = [];
    for (const id of [...candidates].sort()) {
      const before = await this.repository.lock(em, id);
      if (!before || before.status !== 'active') continue;
      const ending: EntryEnding = {
        status: 'joined',
        endedOn: hired.hiredOn,
        joinRoute: 'worker-hired-event',
        joinedWorkerId: hired.workerId,
      };
      const after = await this.repository.end(em, id, ending);
      if (!after) continue;
      await this.recordEnding(em, before, after, SYSTEM_PRINCIPAL);
      ended.push({ id, joinedOn: hired.hiredOn });
    }
    return ended;
  }

  async signalJoined(ended: ReadonlyArray<{ id: string; joinedOn: string }>): Promise<void> {
    for (const { id, joinedOn } of ended) await this.signals.joined(id, joinedOn);
  }

  /** POOL-2 removal, called by the workflow's activity: idempotent, does nothing once ended. */
  async expire(id: string): Promise<ExpireOutcome> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.repository.lock(em, id);
      if (!before) throw DomainError.notFound(ENTRY_ENTITY_NAME, id);
      if (before.status !== 'active') return { changed: false, status: before.status, endedOn: before.endedOn };
      const after = await this.repository.end(em, id, { status: 'expired', endedOn: this.clock.today() });
      if (!after) throw new Error(`entry ${id} changed under a row lock`);
      await this.recordEnding(em, before, after, SYSTEM_PRINCIPAL);
      return { changed: true, status: 'expired', endedOn: after.endedOn };
    });
  }

  /** POOL-2 reminder: once per (entry, expiresOn) while active. */
  async remind(id: string, expiresOn: string): Promise<{ sent: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.repository.lock(em, id);
      if (!before) throw DomainError.notFound(ENTRY_ENTITY_NAME, id);
      const after = await this.repository.markReminded(em, id, expiresOn);
      if (!after) return { sent: false };
      await this.audit.record(
        em,
        { action: 'remind-expiry', entity: AUDIT_ENTITY, entityId: id, before: auditView(before), after: auditView(after) },
        SYSTEM_PRINCIPAL,
      );
      await this.outbox.append(em, { contract: entryExpiringContract, key: id, data: eventData.expiring(after, this.clock.today()) });
      return { sent: true };
    });
  }

  private async endOrConflict(em: EntityManager, id: string, ending: EntryEnding, principal: Principal): Promise<EntryRow> {
    const before = await this.repository.lock(em, id);
    if (!before) throw DomainError.notFound(ENTRY_ENTITY_NAME, id);
    if (before.status !== 'active') {
      throw new DomainError(ErrorCode.CONFLICT, `Entry ${id} has already ended (${before.status})`, { details: { status: before.status } });
    }
    if (ending.endedOn > this.clock.today()) {
      throw DomainError.validation('joinedOn', 'joinedOn cannot be in the future');
    }
    if (ending.endedOn < before.registeredOn) {
      throw DomainError.validation(
        ending.status === 'joined' ? 'joinedOn' : 'endedOn',
        `The entry cannot end before it was registered (${before.registeredOn})`,
      );
    }
    const after = await this.repository.end(em, id, ending);
    if (!after) throw new Error(`entry ${id} changed under a row lock`);
    await this.recordEnding(em, before, after, principal);
    return after;
  }

  private async recordEnding(em: EntityManager, before: EntryRow, after: EntryRow, principal: Principal): Promise<void> {
    await this.audit.record(
      em,
      { action: after.status, entity: AUDIT_ENTITY, entityId: after.id, before: auditView(before), after: auditView(after) },
      principal,
    );
    switch (after.status) {
      case 'joined':
        await this.outbox.append(em, { contract: entryJoinedContract, key: after.id, data: eventData.joined(after) });
        break;
      case 'withdrawn':
        await this.outbox.append(em, { contract: entryWithdrawnContract, key: after.id, data: eventData.withdrawn(after) });
        break;
      case 'expired':
        await this.outbox.append(em, { contract: entryExpiredContract, key: after.id, data: eventData.expired(after) });
        break;
      case 'active':
        throw new Error(`recordEnding called for active entry ${after.id}`);
    }
    this.logger.log({ msg: 'entry ended', entryId: after.id, status: after.status });
  }
}
