export { appraisalMigrations } from './migrations';
