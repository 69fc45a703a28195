export * from './outbox.options';
export * from './outbox.migrations';
export * from './personal-data-guard';
export * from './schema-validator';
export * from './outbox-writer';
export * from './backoff';
export * from './outbox-relay';
export * from './outbox.module';
