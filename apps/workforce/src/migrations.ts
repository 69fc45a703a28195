import { platformMigrations } from '@cwp/platform';
import { orgMigrations } from './org';
import { quotaReviewsMigrations } from './quota-reviews';
import { quotasMigrations } from './quotas';
import { staffingMigrations } from './staffing';
import { workersMigrations } from './workers';

/** The service's own migrations, feature by feature, in order. */
export const workforceOwnMigrations: Function[] = [
  ...orgMigrations,
  ...quotasMigrations,
  ...quotaReviewsMigrations,
  ...workersMigrations,
  ...staffingMigrations,
];

/** Every migration of the workforce schema, in order (platform tables first). */
export const workforceMigrations: Function[] = [...platformMigrations, ...workforceOwnMigrations];
