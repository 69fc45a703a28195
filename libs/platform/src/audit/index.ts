export * from './audit.migrations';
export * from './personal-fields';
export * from './audit-trail';
