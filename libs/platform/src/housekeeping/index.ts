export * from './purge-old-rows';
export * from './housekeeping.service';
export * from './housekeeping.module';
