import { CreatePayRuns1766000000400 } from './1766000000400-create-pay-runs';
import { CreatePayArrears1766000000600 } from './1766000000600-create-pay-arrears';

export const payRunsMigrations: Function[] = [CreatePayRuns1766000000400, CreatePayArrears1766000000600];
