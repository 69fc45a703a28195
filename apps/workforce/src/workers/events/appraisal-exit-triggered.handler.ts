import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { cfg, defineServiceConfig, DomainError, ErrorCode, EventSchemaValidator, InboxConsumer, type Principal } from '@cwp/platform';
import { exitTriggeredContract, type CloudEvent, type ExitTriggeredData } from '@cwp/contracts';
import { WorkerLifecycleService } from '../worker-lifecycle.service';

/** The inbox consumer name and Kafka group (e2e runs set their own so they never share a group). */
export const appraisalExitsConfig = defineServiceConfig('workforce-appraisal-exits', {
  WORKFORCE_APPRAISAL_EXITS_CONSUMER: cfg.string({ default: 'workforce.appraisal-exits', pattern: /^[A-Za-z0-9._-]+$/ }),
});

/** Who the exit is recorded as (audit trail, worker_history.recorded_by). */
export const APPRAISAL_SERVICE_PRINCIPAL: Principal = Object.freeze({ sub: 'appraisal-service', role: 'system', unit: '31' });

/** Refusals that retrying cannot heal: logged, the event recorded as handled. */
const FINAL_CODES = new Set<string>([
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.BUSINESS_RULE_VIOLATED,
  ErrorCode.VALIDATION_FAILED,
]);

/**
 * EXIT-3 cause 1 from the appraisal service: `cwp.appraisal.exit.triggered.v1` (a recruited
 * worker unqualified two years in a row, the street confirmed the notice) becomes the worker's
 * exit through the existing exit use case, with the two appraisal years as facts, so
 * @cwp/policy `assessExitCauses` establishes the cause and explains it (APPR-5, ORG-3, EXIT-3).
 *
 * Through the platform inbox (one effect per event id). The exit use case commits in its own
 * transaction: a redelivery after that commit finds the worker exited (409 WORKER_EXITED) and is
 * recorded as handled, so the exit still happens once. An elected worker (EXIT-2) or facts that do
 * not establish the cause are refused by the use case (422) and logged, never turned into an exit.
 */
@Injectable()
export class AppraisalExitTriggeredHandler implements OnModuleInit {
  private readonly logger = new Logger('AppraisalExitTriggeredHandler');
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly lifecycle: WorkerLifecycleService,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<ExitTriggeredData, void>({
      consumer: appraisalExitsConfig.get().WORKFORCE_APPRAISAL_EXITS_CONSUMER,
      topic: exitTriggeredContract.topic,
      types: [exitTriggeredContract.type],
      handle: (_em, event) => this.handle(event),
    });
  }

  async handle(event: CloudEvent<ExitTriggeredData>): Promise<void> {
    try {
      this.validator.validate(exitTriggeredContract, event.data);
      const { workerId, effectiveOn, appraisals } = event.data;
      const exit = await this.lifecycle.exit(
        workerId,
        { cause: 'unqualified-two-years', effectiveOn, facts: { appraisals } },
        APPRAISAL_SERVICE_PRINCIPAL,
      );
      this.logger.log({ msg: 'appraisal exit applied', eventId: event.id, workerId, rules: exit.exit.rules });
    } catch (error) {
      if (error instanceof DomainError && FINAL_CODES.has(error.code)) {
        this.logger.warn({
          msg: 'appraisal exit not applied',
          eventId: event.id,
          workerId: event.data?.workerId,
          code: error.code,
          reason: error.details?.reason,
          field: error.field,
        });
        return;
      }
      throw error;
    }
  }
}
