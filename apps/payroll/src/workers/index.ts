export { PayWorkersModule } from './pay-workers.module';
export { payWorkersMigrations } from './migrations';
export { PayWorkerRepository } from './pay-worker.repository';
export { PayWorkerAccess, PAY_WORKER_ENTITY } from './pay-worker-access';
export type { PayWorkerRow } from './pay-worker.row';
