export * from './dead-letter-store';
export * from './dead-letters.migrations';
export * from './dead-letters.service';
