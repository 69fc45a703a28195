export * from './cloudevent';
export * from './registry';
export * from './talent-pool';
export * from './workforce/worker-hired';
export * from './workforce/names';
export * from './workforce/quota-events';
export * from './workforce/quota-review-workflow';
