import { CreatePayRuns1766000000400 } from './1766000000400-create-pay-runs';
import { CreatePayArrears1766000000600 } from './1766000000600-create-pay-arrears';
import { CreatePayPools1766000000800 } from './1766000000800-create-pay-pools';

export const payRunsMigrations: Function[] = [CreatePayRuns1766000000400, CreatePayArrears1766000000600, CreatePayPools1766000000800];
