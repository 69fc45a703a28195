export * from './calendar';
export * from './parse-policy-version';
export * from './performance-share';
export * from './policy-catalog';
export * from './policy-version';
export * from './shipped-versions';
export { PAY_MULTIPLIER_LIMITS } from './parse-pay-sections';
