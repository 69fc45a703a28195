import { CreatePayRuns1766000000400 } from './1766000000400-create-pay-runs';

export const payRunsMigrations: Function[] = [CreatePayRuns1766000000400];
