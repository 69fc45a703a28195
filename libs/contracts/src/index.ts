export * from './cloudevent';
export * from './registry';
export * from './talent-pool';
export * from './workforce/worker-hired';
