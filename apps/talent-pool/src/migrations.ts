import { platformMigrations } from '@cwp/platform';
import { entriesMigrations } from './entries';

/** Every migration of the service, in order: the platform's, then each feature's. */
export const talentPoolMigrations = [...platformMigrations, ...entriesMigrations];
