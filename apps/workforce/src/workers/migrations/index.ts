import { CreateWorkers1764000100000 } from './1764000100000-create-workers';
import { WorkersNameOrder1764000100100 } from './1764000100100-workers-name-order';
import { PolicyEducationCodes1764000100200 } from './1764000100200-policy-education-codes';
import { PersonRefWithoutNationalId1766000000400 } from './1766000000400-person-ref-without-national-id';
import { WorkersSyncOrder1767000000100 } from './1767000000100-workers-sync-order';

/** The roster's migrations (workers, worker_history); the service lists them after the platform's. */
export const workersMigrations = [
  CreateWorkers1764000100000,
  WorkersNameOrder1764000100100,
  PolicyEducationCodes1764000100200,
  PersonRefWithoutNationalId1766000000400,
  WorkersSyncOrder1767000000100,
];
