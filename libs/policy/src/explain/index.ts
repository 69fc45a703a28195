export * from './explanation';
export * from './policy-error';
export * from './rules';
export * from './require-input';
export * from './explanation-schema';
