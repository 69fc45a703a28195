export { trainingMigrations } from './migrations';
