import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer } from '@cwp/platform';
import { staffingChangedContract, type CloudEvent, type StaffingChangedData } from '@cwp/contracts';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../../core';
import { StaffingRepository } from '../staffing.repository';

/**
 * The workforce service's staffing per unit (`cwp.workforce.staffing.changed.v1`, compacted topic
 * keyed by unit code) into unit_staffing, through the platform inbox (one effect per event id).
 * A new consumer group reads the topic from the beginning, which bootstraps the table.
 */
@Injectable()
export class WorkforceStaffingHandler implements OnModuleInit {
  private readonly logger = new Logger('WorkforceStaffingHandler');
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly repository: StaffingRepository,
    @Inject(RECRUITMENT_SETTINGS) private readonly settings: RecruitmentSettings,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<StaffingChangedData>({
      consumer: this.settings.staffingConsumer,
      topic: staffingChangedContract.topic,
      types: [staffingChangedContract.type],
      handle: (em, event) => this.handle(em, event),
    });
  }

  async handle(em: EntityManager, event: CloudEvent<StaffingChangedData>): Promise<void> {
    try {
      this.validator.validate(staffingChangedContract, event.data);
    } catch (error) {
      if (error instanceof DomainError) {
        // A contract violation will not heal by retrying: record it as handled and move on.
        this.logger.warn({ msg: 'staffing event does not match its schema; skipped', eventId: event.id, field: error.field });
        return;
      }
      throw error;
    }
    await this.repository.upsert(em, event.data);
  }
}
