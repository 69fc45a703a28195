import { CreatePayWorkers1766000000000 } from './1766000000000-create-pay-workers';
import { AddWorkerStateBootstrap1766000001000 } from './1766000001000-add-worker-state-bootstrap';

export const payWorkersMigrations: Function[] = [CreatePayWorkers1766000000000, AddWorkerStateBootstrap1766000001000];
