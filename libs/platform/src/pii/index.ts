export * from './pii-keys';
export * from './pii-cipher';
