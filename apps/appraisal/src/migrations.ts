import { platformMigrations } from '@cwp/platform';
import { cyclesMigrations } from './cycles/migrations';
import { ratingsMigrations } from './ratings/migrations';
import { recordsMigrations } from './records/migrations';
import { resultsMigrations } from './results/migrations';

/** Every migration of the appraisal schema, in order (platform tables first). */
export const appraisalMigrations: Function[] = [
  ...platformMigrations,
  ...recordsMigrations,
  ...cyclesMigrations,
  ...ratingsMigrations,
  ...resultsMigrations,
];
