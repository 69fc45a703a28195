import { platformMigrations } from '@cwp/platform';
import { classesMigrations } from './classes/migrations';
import { complianceMigrations } from './compliance/migrations';
import { libraryMigrations } from './library/migrations';
import { rosterMigrations } from './roster/migrations';

/** Every migration of the training schema, in order (platform tables first; classes refer to the library and the roster). */
export const trainingMigrations: Function[] = [
  ...platformMigrations,
  ...libraryMigrations,
  ...rosterMigrations,
  ...classesMigrations,
  ...complianceMigrations,
];
