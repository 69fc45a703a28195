import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InboxConsumer, projectWorkforceWorkers } from '@cwp/platform';
import { APPRAISAL_SETTINGS, type AppraisalSettingsValue } from '../../core';
import { RecordsService } from '../records.service';
import { RecordWorkflows } from '../workflow/record-workflows';

/**
 * The workforce service's worker events, projected through the platform kit (inbox, one effect
 * per event id): `hired` creates the record and starts its workflow (APPR-5), `transferred` moves
 * it (ORG-2: the record follows the worker), `exited` ends it. Workflows are touched after the
 * commit only.
 */
@Injectable()
export class WorkforceWorkersHandler implements OnModuleInit {
  constructor(
    private readonly inbox: InboxConsumer,
    private readonly records: RecordsService,
    private readonly workflows: RecordWorkflows,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
  ) {}

  onModuleInit(): void {
    projectWorkforceWorkers(this.inbox, this.settings.workersConsumer, {
      hired: (em, data) => this.records.fromHired(em, data),
      transferred: (em, data) => this.records.fromTransferred(em, data),
      exited: (em, data) => this.records.fromExited(em, data),
      afterHired: (row) => this.records.startWorkflows([row]),
      afterTransferred: ({ workerId, toUnitCode }) => this.workflows.transferred(workerId, toUnitCode),
      afterExited: ({ workerId, exitedOn }) => this.workflows.exited(workerId, exitedOn),
    });
  }
}
