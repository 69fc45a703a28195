export * from './grouped-recalibration';
export * from './pay-matrix';
export * from './performance-pool';
export * from './recalibration';
export * from './reference-wage';
