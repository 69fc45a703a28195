export * from './service-metrics';
export * from './metrics.module';
export * from './http-metrics';
export * from './kafka-lag';
export { processMetricsRegistry } from './process-metrics';
export { temporalMetricsBuffer } from './temporal-sdk-metrics';
export * from './prometheus-text';
