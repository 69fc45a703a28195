export * from './names';
export * from './pay-events';
export * from './recalibration-workflow';
