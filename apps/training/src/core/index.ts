export * from './training-core.module';
export * from './training-errors';
export * from './training-settings';
export * from './update-returning';
export * from './workflow-start';
