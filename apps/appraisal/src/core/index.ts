export * from './appraisal-core.module';
export * from './appraisal-errors';
export * from './appraisal-settings';
export * from './update-returning';
export * from './temporal-unavailable';
export * from './recorded-response';
export * from './worker-year-ref';
