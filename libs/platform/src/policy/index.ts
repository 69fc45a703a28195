export * from './policy-catalog.token';
export * from './policy.module';
export * from './policy-errors';
