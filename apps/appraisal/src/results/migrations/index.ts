import { CreateResults1765000000300 } from './1765000000300-create-results';
import { AddResultsSignalledAt1765000000310 } from './1765000000310-add-results-signalled-at';

export const resultsMigrations: Function[] = [CreateResults1765000000300, AddResultsSignalledAt1765000000310];
