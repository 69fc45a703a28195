export * from './error-code';
export * from './domain-error';
export * from './http-status-of';
export * from './error-body';
export * from './validation-failed.error';
export * from './service-error-codes';
export * from './dependency-failure';
export * from './error-titles';
