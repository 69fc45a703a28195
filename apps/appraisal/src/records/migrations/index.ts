import { CreateRecords1765000000000 } from './1765000000000-create-records';

export const recordsMigrations: Function[] = [CreateRecords1765000000000];
