export { recruitmentMigrations } from './migrations';
