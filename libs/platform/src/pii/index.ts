export * from './pii-keys';
export * from './pii-cipher';
export * from './pii-config';
export * from './pii.module';
