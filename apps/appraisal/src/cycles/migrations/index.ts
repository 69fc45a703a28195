import { CreateCycles1765000000100 } from './1765000000100-create-cycles';

export const cyclesMigrations: Function[] = [CreateCycles1765000000100];
