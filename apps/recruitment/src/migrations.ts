import { platformMigrations } from '@cwp/platform';
import { applicantsMigrations } from './applicants/migrations';
import { campaignsMigrations } from './campaigns/migrations';
import { reserveMigrations } from './reserve/migrations';
import { selectionMigrations } from './selection/migrations';
import { staffingMigrations } from './staffing/migrations';

/** Every migration of the recruitment schema, in order (platform tables first). */
export const recruitmentMigrations: Function[] = [
  ...platformMigrations,
  ...staffingMigrations,
  ...campaignsMigrations,
  ...applicantsMigrations,
  ...selectionMigrations,
  ...reserveMigrations,
];
