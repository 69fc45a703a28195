import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer } from '@cwp/platform';
import { entryCandidateContract, type CloudEvent, type EntryCandidateData } from '@cwp/contracts';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../../core';
import { ReserveEntryRepository } from '../reserve-entry.repository';

/**
 * The talent pool's entries as candidates (`cwp.talentpool.entry.candidate.v1`, compacted topic
 * keyed by entry id) into reserve_entries, through the platform inbox (one effect per event id).
 * A new consumer group reads the topic from the beginning, which bootstraps the table; an entry's
 * newest version wins.
 */
@Injectable()
export class TalentPoolCandidateHandler implements OnModuleInit {
  private readonly logger = new Logger('TalentPoolCandidateHandler');
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly repository: ReserveEntryRepository,
    @Inject(RECRUITMENT_SETTINGS) private readonly settings: RecruitmentSettings,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<EntryCandidateData>({
      consumer: this.settings.reserveConsumer,
      topic: entryCandidateContract.topic,
      types: [entryCandidateContract.type],
      handle: (em, event) => this.handle(em, event),
    });
  }

  async handle(em: EntityManager, event: CloudEvent<EntryCandidateData>): Promise<void> {
    try {
      this.validator.validate(entryCandidateContract, event.data);
    } catch (error) {
      if (error instanceof DomainError) {
        // A contract violation will not heal by retrying: record it as handled and move on.
        this.logger.warn({ msg: 'talent-pool candidate event does not match its schema; skipped', eventId: event.id, field: error.field });
        return;
      }
      throw error;
    }
    await this.repository.upsert(em, event.data);
  }
}
