import { CreateWorkers1764000100000 } from './1764000100000-create-workers';
import { WorkersNameOrder1764000100100 } from './1764000100100-workers-name-order';

/** The roster's migrations (workers, worker_history); the service lists them after the platform's. */
export const workersMigrations = [CreateWorkers1764000100000, WorkersNameOrder1764000100100];
