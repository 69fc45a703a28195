import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import type { Principal } from '../auth/principal';
import { DomainError, ErrorCode } from '../errors';
import { InboxConsumer } from '../inbox/inbox-consumer';
import { DeadLetterStore, errorText, type DeadLetter } from './dead-letter-store';

const AUDIT_ENTITY = 'dead_letter';

/** The operator's side of dead letters: list them, replay one through the inbox (audited). */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly inbox: InboxConsumer,
    private readonly dataSource: DataSource,
    // Optional: only an app without PlatformHttpModule lacks it, and then nobody can call replay.
    @Optional() private readonly audit?: AuditTrail,
  ) {}

  list(filter: { consumer?: string; status?: 'pending' | 'replayed'; limit: number }): Promise<DeadLetter[]> {
    return this.store.list(filter);
  }

  async replay(id: string, principal: Principal): Promise<{ id: string; outcome: 'handled' | 'duplicate' | 'skipped-type' }> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw DomainError.notFound('Dead letter', id);
    const found = await this.store.get(id);
    if (!found) throw DomainError.notFound('Dead letter', id);
    const { letter, envelope } = found;
    if (letter.replayedAt)
      throw DomainError.conflict(`Dead letter ${id} was replayed at ${letter.replayedAt}`, { id, reason: 'ALREADY_REPLAYED' });
    let outcome: 'handled' | 'duplicate' | 'skipped-type';
    try {
      outcome = await this.inbox.replay(letter.consumer, letter.topic, envelope);
    } catch (error) {
      await this.store.markReplayFailed(id, error);
      // The handler still fails: say so with a stable code; the letter stays pending for another try.
      throw new DomainError(ErrorCode.CONFLICT, `Replay of dead letter ${id} failed: ${errorText(error)}`, {
        details: { id, reason: 'HANDLER_FAILED' },
      });
    }
    await this.dataSource.transaction(async (em) => {
      const marked = await this.store.markReplayed(id, outcome, em);
      if (!marked) throw DomainError.conflict(`Dead letter ${id} was replayed meanwhile`, { id, reason: 'ALREADY_REPLAYED' });
      await this.audit?.record(
        em,
        { action: 'replay', entity: AUDIT_ENTITY, entityId: id, before: { replayOutcome: null }, after: { replayOutcome: outcome } },
        principal,
      );
    });
    return { id, outcome };
  }
}
