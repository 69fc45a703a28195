export * from './validation';
export * from './exception-filter';
export * from './platform-http.module';
export * from './bootstrap';
export * from './edge-input';
export * from './json-body.middleware';
export * from './bodyless-route.guard';
export * from './openapi-errors';
