import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { cfg, defineServiceConfig, DomainError, EventSchemaValidator, InboxConsumer, type Principal } from '@cwp/platform';
import { applicantAppointedContract, type ApplicantAppointedData, type CloudEvent } from '@cwp/contracts';
import { WorkersService } from '../workers.service';

/** The inbox consumer name and Kafka group (e2e runs set their own so they never share a group). */
export const recruitmentAppointmentsConfig = defineServiceConfig('workforce-recruitment-appointments', {
  WORKFORCE_RECRUITMENT_APPOINTED_CONSUMER: cfg.string({ default: 'workforce.recruitment-appointed', pattern: /^[A-Za-z0-9._-]+$/ }),
});

/** Who the hire is recorded as (audit trail, worker_history.recorded_by). */
export const RECRUITMENT_SERVICE_PRINCIPAL: Principal = Object.freeze({ sub: 'recruitment-service', role: 'system', unit: '31' });

/**
 * REC-1: an applicant appointed by the recruitment service (`cwp.recruitment.applicant.appointed.v1`)
 * becomes a recruited worker through the roster's hire path (row, history, audit,
 * `cwp.workforce.worker.hired.v1` for the talent pool's POOL-3, and the unit's staffing), in the
 * platform inbox's transaction: one hire per event id. A person already a current worker (by
 * personRef) is logged and the event recorded as handled.
 */
@Injectable()
export class RecruitmentAppointedHandler implements OnModuleInit {
  private readonly logger = new Logger('RecruitmentAppointedHandler');
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly workers: WorkersService,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<ApplicantAppointedData, void>({
      consumer: recruitmentAppointmentsConfig.get().WORKFORCE_RECRUITMENT_APPOINTED_CONSUMER,
      topic: applicantAppointedContract.topic,
      types: [applicantAppointedContract.type],
      handle: (em, event) => this.handle(em, event),
    });
  }

  async handle(em: EntityManager, event: CloudEvent<ApplicantAppointedData>): Promise<void> {
    try {
      this.validator.validate(applicantAppointedContract, event.data);
    } catch (error) {
      if (error instanceof DomainError) {
        // A contract violation will not heal by retrying: record it as handled and move on.
        this.logger.warn({ msg: 'applicant.appointed does not match its schema; skipped', eventId: event.id, field: error.field });
        return;
      }
      throw error;
    }
    const worker = await this.workers.hireAppointed(em, event.data, RECRUITMENT_SERVICE_PRINCIPAL);
    if (!worker) {
      this.logger.warn({
        msg: 'appointed person is already a current worker; no second hire',
        eventId: event.id,
        applicantId: event.data.applicantId,
      });
      return;
    }
    this.logger.log({
      msg: 'appointment hired',
      eventId: event.id,
      applicantId: event.data.applicantId,
      workerId: worker.id,
      unitCode: worker.unitCode,
    });
  }
}
