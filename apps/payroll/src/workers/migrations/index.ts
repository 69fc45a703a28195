import { CreatePayWorkers1766000000000 } from './1766000000000-create-pay-workers';
import { AddWorkerStateBootstrap1766000001000 } from './1766000001000-add-worker-state-bootstrap';
import { RememberWorkerStates1766000001200 } from './1766000001200-remember-worker-states';

export const payWorkersMigrations: Function[] = [
  CreatePayWorkers1766000000000,
  AddWorkerStateBootstrap1766000001000,
  RememberWorkerStates1766000001200,
];
