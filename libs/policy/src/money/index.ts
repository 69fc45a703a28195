export * from './distribute';
export * from './rounding';
