import { CreatePayWorkers1766000000000 } from './1766000000000-create-pay-workers';

export const payWorkersMigrations: Function[] = [CreatePayWorkers1766000000000];
