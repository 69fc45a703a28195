import { platformMigrations } from '@cwp/platform';
import { cadresMigrations } from './cadres/migrations';
import { classesMigrations } from './classes/migrations';
import { complianceMigrations } from './compliance/migrations';
import { libraryMigrations } from './library/migrations';
import { mentoringMigrations } from './mentoring/migrations';
import { rosterMigrations } from './roster/migrations';

/** The training service's own migrations, in order (classes refer to the library and the roster). */
export const trainingServiceMigrations: Function[] = [
  ...libraryMigrations,
  ...rosterMigrations,
  ...classesMigrations,
  ...complianceMigrations,
  ...mentoringMigrations,
  ...cadresMigrations,
];

/** Every migration of the training schema, in order (platform tables first). */
export const trainingMigrations: Function[] = [...platformMigrations, ...trainingServiceMigrations];
