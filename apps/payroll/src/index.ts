export { payrollMigrations } from './migrations';
