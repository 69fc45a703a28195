import { Module } from '@nestjs/common';
import { WorkforceWorkersHandler } from './events/workforce-workers.handler';
import { RecordAccess } from './record-access';
import { RecordRepository } from './record.repository';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';
import { RecordWorkflow } from './workflow/record-workflow';
import { RecordWorkflows } from './workflow/record-workflows';

/**
 * The per-worker performance record (APPR-5, EXIT-2, EXIT-3). Needs from the root module: the
 * DataSource, HTTP wiring (Jurisdiction, AuditTrail, OrgUnitDirectory), the OutboxWriter, the
 * InboxConsumer, the Temporal Client and AppraisalCoreModule.
 */
@Module({
  controllers: [RecordsController],
  providers: [RecordRepository, RecordAccess, RecordWorkflow, RecordWorkflows, RecordsService, WorkforceWorkersHandler],
  exports: [RecordsService, RecordRepository, RecordWorkflows],
})
export class RecordsModule {}
