export * from './validation';
export * from './exception-filter';
export * from './platform-http.module';
export * from './bootstrap';
export * from './uuid.pipe';
