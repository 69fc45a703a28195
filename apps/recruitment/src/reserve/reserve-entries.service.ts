import { Injectable } from '@nestjs/common';
import { AuditTrail, DomainError, ErrorCode, Jurisdiction, isUuid, type Principal } from '@cwp/platform';
import { RecruitmentError } from '../core';
import { ReserveEntryRepository } from './reserve-entry.repository';
import type { ReserveEntryRow } from './reserve-entry.row';
import { candidateFacts, type CandidateFacts } from './rules/candidate-facts';

export const RESERVE_ENTRY_ENTITY_NAME = 'Talent-pool entry';

/** An entry that may be invited: active, within its period, with the person's matching key. */
export interface InvitableEntry {
  entry: ReserveEntryRow;
  personRef: string;
  facts: CandidateFacts;
}

/** The reserve entries recruitment knows from the talent pool's candidate topic, for invitations. */
@Injectable()
export class ReserveEntries {
  constructor(
    private readonly repository: ReserveEntryRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The entry an operator invites (`field` names it in every answer): unknown, malformed or held
   * outside the caller's scope is 404 alike (the denial audited); one that ended (joined,
   * withdrawn, expired) or whose reserve period is over (POOL-2) is 409 RESERVE_ENTRY_ENDED.
   */
  async invitable(entryId: string, principal: Principal, today: string, field = 'talentPoolEntryId'): Promise<InvitableEntry> {
    const notFound = () =>
      new DomainError(ErrorCode.NOT_FOUND, `${RESERVE_ENTRY_ENTITY_NAME} ${entryId} not found`, {
        field,
        details: { entity: RESERVE_ENTRY_ENTITY_NAME, id: entryId },
      });
    const entry = isUuid(entryId) ? await this.repository.findById(entryId) : undefined;
    if (!entry) throw notFound();
    if (!this.jurisdiction.allows(principal, entry.holdingUnit)) {
      await this.audit.recordDenied(
        {
          action: 'invite',
          entity: RESERVE_ENTRY_ENTITY_NAME,
          entityId: entryId,
          reason: `unit ${entry.holdingUnit} outside scope ${this.jurisdiction.scopeOf(principal)}`,
        },
        principal,
      );
      throw notFound();
    }
    if (entry.status !== 'active' || entry.expiresOn <= today || !entry.personRef || !entry.birthDate) {
      const status = entry.status === 'active' ? 'expired' : entry.status;
      throw new DomainError(
        RecruitmentError.RESERVE_ENTRY_ENDED,
        `${RESERVE_ENTRY_ENTITY_NAME} ${entryId} has ended (${status}, POOL-2/POOL-3)`,
        {
          field,
          details: { status, endedOn: entry.endedOn, expiresOn: entry.expiresOn, today },
        },
      );
    }
    return { entry, personRef: entry.personRef, facts: candidateFacts({ ...entry, birthDate: entry.birthDate }) };
  }
}
