import { Logger } from '@nestjs/common';
import type { EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

const AFTER_COMMIT = 'cwpAfterCommit';
type Callback = () => Promise<void>;

/**
 * Runs `fn` once the transaction of `em` has committed (never if it rolls back). The platform
 * inbox gives a handler only its transaction; signalling a workflow from inside it could stop a
 * timer for a change that then rolls back. TODO(platform): an `afterCommit` hook on
 * EventHandlerRegistration would make this helper unnecessary.
 */
export function afterCommit(em: EntityManager, fn: Callback): void {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('afterCommit needs the EntityManager of an open transaction');
  const pending = (runner.data[AFTER_COMMIT] ??= []) as Callback[];
  pending.push(fn);
}

/** Register once per DataSource: `dataSource.subscribers.push(new AfterCommitSubscriber())`. */
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  private readonly logger = new Logger('AfterCommit');

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the outer transaction goes on
    const pending = (runner.data[AFTER_COMMIT] ?? []) as Callback[];
    runner.data[AFTER_COMMIT] = [];
    for (const fn of pending) {
      try {
        await fn();
      } catch (error) {
        this.logger.warn({ msg: 'after-commit callback failed', error: String(error) });
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) event.queryRunner.data[AFTER_COMMIT] = [];
  }
}
