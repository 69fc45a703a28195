export * from './inbox.migrations';
export * from './inbox-consumer';
export * from './inbox.module';
export * from './workforce-workers-projection';
