export * from './platform-migrations';
