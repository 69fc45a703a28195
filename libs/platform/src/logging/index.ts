export * from './redact';
export * from './request-context';
export * from './request-id.middleware';
export * from './platform-logger';
export * from './access-log.middleware';
export * from './log-flush-on-shutdown';
