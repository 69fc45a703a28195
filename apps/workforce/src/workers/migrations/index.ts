import { CreateWorkers1764000100000 } from './1764000100000-create-workers';

/** The roster's migrations (workers, worker_history); the service lists them after the platform's. */
export const workersMigrations = [CreateWorkers1764000100000];
