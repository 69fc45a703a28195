export * from './grouped-recalibration';
export * from './pay-matrix';
export * from './performance-pool';
export * from './pool-by-grade';
export * from './pool-instalment';
export * from './recalibration';
export * from './reference-wage';
