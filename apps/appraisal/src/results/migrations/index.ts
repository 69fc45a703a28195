import { CreateResults1765000000300 } from './1765000000300-create-results';

export const resultsMigrations: Function[] = [CreateResults1765000000300];
