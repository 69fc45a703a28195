import { platformMigrations } from '@cwp/platform';
import { CreateOrgUnits1764000000000 } from './org/migrations/1764000000000-create-org-units';
import { CreateQuotas1764000000100 } from './quotas/migrations/1764000000100-create-quotas';
import { CreateQuotaReviews1764000000200 } from './quotas/migrations/1764000000200-create-quota-reviews';
import { workersMigrations } from './workers/migrations';

/** Every migration of the workforce schema, in order (platform tables first). */
export const workforceMigrations: Function[] = [
  ...platformMigrations,
  CreateOrgUnits1764000000000,
  CreateQuotas1764000000100,
  CreateQuotaReviews1764000000200,
  ...workersMigrations,
];
