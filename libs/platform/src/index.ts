export * from './errors';
export * from './config';
export * from './health';
export * from './database';
export * from './outbox';
export * as testing from './database/testing';
export * from './temporal';
