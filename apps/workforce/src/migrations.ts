import { platformMigrations } from '@cwp/platform';
import { orgMigrations } from './org';
import { quotaReviewsMigrations } from './quota-reviews';
import { quotasMigrations } from './quotas';
import { workersMigrations } from './workers';

/** Every migration of the workforce schema, in order (platform tables first). */
export const workforceMigrations: Function[] = [...platformMigrations, ...orgMigrations, ...quotasMigrations, ...quotaReviewsMigrations, ...workersMigrations];
