import { platformMigrations } from '@cwp/platform';
import { multiplierReviewMigrations } from './multiplier-review';
import { payRunsMigrations } from './payruns';
import { performanceMigrations } from './performance';
import { policyVersionsMigrations } from './policy-versions';
import { recalibrationMigrations } from './recalibration';
import { wagesMigrations } from './wages';
import { payWorkersMigrations } from './workers';

/** Every migration of the payroll schema, in order (platform tables first). */
export const payrollMigrations: Function[] = [
  ...platformMigrations,
  ...payWorkersMigrations,
  ...wagesMigrations,
  ...policyVersionsMigrations,
  ...recalibrationMigrations,
  ...payRunsMigrations,
  ...performanceMigrations,
  ...multiplierReviewMigrations,
];
