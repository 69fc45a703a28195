import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer } from '@cwp/platform';
import { workerHiredContract, type CloudEvent, type WorkerHiredData } from '@cwp/contracts';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from '../../core';
import { EntryEndings } from '../entry-endings.service';

type EndedEntry = { id: string; joinedOn: string };

/**
 * POOL-3: a person appointed to the workforce (`cwp.workforce.worker.hired.v1`) leaves the reserve
 * pool. The platform inbox deduplicates redelivered events (inbox row and effect in one
 * transaction); the entries are matched by `talentPoolEntryId` and/or `personRef`, and their
 * workflows are signalled after the commit (the inbox's afterCommit step: never for a rollback).
 */
@Injectable()
export class WorkerHiredHandler implements OnModuleInit {
  private readonly logger = new Logger('WorkerHiredHandler');
  private readonly validator = new EventSchemaValidator();
  /** Inbox consumer name and Kafka group id (config TALENT_POOL_HIRED_CONSUMER). */
  private readonly consumer: string;

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly endings: EntryEndings,
    @Inject(TALENT_POOL_SETTINGS) settings: TalentPoolSettings,
  ) {
    this.consumer = settings.hiredConsumer;
  }

  onModuleInit(): void {
    this.inbox.registerEventHandler<WorkerHiredData, EndedEntry[]>({
      consumer: this.consumer,
      topic: workerHiredContract.topic,
      types: [workerHiredContract.type],
      handle: (em, event) => this.handle(em, event),
      afterCommit: async (ended) => {
        if (ended.length) await this.endings.signalJoined(ended);
      },
    });
  }

  /** The effect inside the inbox transaction; returns the entries it ended (signalled after the commit). */
  async handle(em: EntityManager, event: CloudEvent<WorkerHiredData>): Promise<EndedEntry[]> {
    try {
      this.validator.validate(workerHiredContract, event.data);
    } catch (error) {
      if (error instanceof DomainError) {
        // A contract violation will not heal by retrying: record it as handled and move on.
        this.logger.warn({ msg: 'worker.hired event does not match its schema; skipped', eventId: event.id, field: error.field });
        return [];
      }
      throw error;
    }
    const ended = await this.endings.joinFromHiredEvent(em, event.data);
    this.logger.log({
      msg: 'worker.hired handled',
      eventId: event.id,
      workerId: event.data.workerId,
      entriesJoined: ended.map((e) => e.id),
    });
    return ended;
  }
}
