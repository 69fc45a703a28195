export * from './audit.migrations';
export * from './personal-fields';
export * from './audit-trail';
export * from './audit-query.dto';
export * from './audit-query.service';
export * from './audit.controller';
export * from './audit.module';
export * from './system-read-audit.interceptor';
