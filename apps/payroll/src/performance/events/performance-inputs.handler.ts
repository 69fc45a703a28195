import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer } from '@cwp/platform';
import {
  APPRAISAL_EVENT_TYPES,
  APPRAISAL_RESULTS_TOPIC,
  WORKFORCE_QUOTAS_TOPIC,
  WORKFORCE_QUOTA_EVENT_TYPES,
  quotaChangedContract,
  resultChangedContract,
  resultPublishedContract,
  type CloudEvent,
  type EventContract,
  type QuotaChangedData,
  type ResultChangedData,
  type ResultPublishedData,
} from '@cwp/contracts';
import { PAYROLL_SETTINGS, type PayrollSettings } from '../../core';
import { PerformanceInputsRepository } from '../performance-inputs.repository';

const CONTRACTS = new Map<string, EventContract>(
  [resultPublishedContract, resultChangedContract, quotaChangedContract].map((c) => [c.type, c as EventContract]),
);

/**
 * The performance pool's inputs (PAY-5, PAY-6) from other services' events, through the platform
 * inbox (one effect per event id, in the inbox transaction): appraisal grades from
 * `cwp.appraisal.results` (published, and changed on an upheld appeal) and unit quotas from
 * `cwp.workforce.quotas` (the QUOTA-5 review). An off-contract event is logged and skipped, never
 * blocking its partition. Consumer group: PAYROLL_PERFORMANCE_CONSUMER (default `payroll-performance`).
 */
@Injectable()
export class PerformanceInputsHandler implements OnModuleInit {
  private readonly logger = new Logger(PerformanceInputsHandler.name);
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly repository: PerformanceInputsRepository,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
  ) {}

  onModuleInit(): void {
    const handle = (em: EntityManager, event: CloudEvent<unknown>) => this.apply(em, event);
    this.inbox.registerEventHandler<unknown, void>({
      consumer: this.settings.performanceConsumer,
      topic: APPRAISAL_RESULTS_TOPIC,
      types: [APPRAISAL_EVENT_TYPES.resultPublished, APPRAISAL_EVENT_TYPES.resultChanged],
      handle,
    });
    this.inbox.registerEventHandler<unknown, void>({
      consumer: this.settings.performanceConsumer,
      topic: WORKFORCE_QUOTAS_TOPIC,
      types: [WORKFORCE_QUOTA_EVENT_TYPES.changed],
      handle,
    });
  }

  /** The effect of one event (public for the integration spec). */
  async apply(em: EntityManager, event: CloudEvent<unknown>): Promise<void> {
    const contract = CONTRACTS.get(event.type);
    if (!contract) return;
    try {
      this.validator.validate(contract, event.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`skipped ${event.type} ${event.id}: ${error.field ?? 'data'} is off-contract`);
      return;
    }
    switch (event.type) {
      case APPRAISAL_EVENT_TYPES.resultPublished:
        return this.repository.recordGrade(em, event.data as ResultPublishedData, 'published', event.id);
      case APPRAISAL_EVENT_TYPES.resultChanged:
        return this.repository.recordGrade(em, event.data as ResultChangedData, (event.data as ResultChangedData).reason, event.id);
      case WORKFORCE_QUOTA_EVENT_TYPES.changed:
        if (!(await this.repository.recordQuota(em, event.data as QuotaChangedData)))
          this.logger.warn(`skipped ${event.type} ${event.id}: an older review than the quota held`);
        return;
    }
  }
}
