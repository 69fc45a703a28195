export * from './config-schema';
export * from './platform-config';
export * from './service-config';
export * from './repo-paths';
