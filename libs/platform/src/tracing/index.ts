export * from './tracing';
export * from './http-tracing';
export * from './consumer-span';
export * from './temporal-tracing';
export * from './outbox-trace-context.migrations';
export * from './tracing.module';
