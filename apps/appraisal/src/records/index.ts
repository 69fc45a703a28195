export { RecordsModule } from './records.module';
export { RecordsService } from './records.service';
export { RecordRepository } from './record.repository';
export { RecordWorkflows, type GradeDelivery } from './workflow/record-workflows';
export { createRecordActivities } from './workflow/record.activities';
export { recordsMigrations } from './migrations';
export type { WorkerRecordRow } from './record.row';
export { WorkforceWorkersHandler } from './events/workforce-workers.handler';
