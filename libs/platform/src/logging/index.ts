export * from './redact';
export * from './request-context';
export * from './request-id';
export * from './platform-logger';
export * from './access-log';
export * from './log-flush-on-shutdown';
